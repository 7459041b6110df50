"""The Belgian residential archetypes of TABULA/EPISCOPE (data/tabula_be_archetypes.csv).

Source: TABULA/EPISCOPE building typology, IEE projects, episcope.eu, via the
open-source project FZJ-IEK3-VSA/tsib (MIT). See data/README.md.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "tabula_be_archetypes.csv"

# Building type (API code) -> TABULA type and size class. Apartments take the
# multi-family house of their period (MFH.Gen): TABULA has no apartment-block
# archetype before 1946, and small/medium buildings are the common Flemish case.
TYPE_CODES = {"open": "SFH.Gen", "halfopen": "TH.Semi", "gesloten": "TH.Gen",
              "appartement": "MFH.Gen"}
TYPE_NAMES = {"open": "Vrijstaande woning", "halfopen": "Halfopen woning",
              "gesloten": "Rijwoning", "appartement": "Appartement"}
# Construction-year bands: (band code, last year of the band).
BANDS = (("01", 1945), ("02", 1970), ("03", 1990), ("04", 2005), ("05", 2011), ("06", 9999))
BAND_NAMES = {"01": "tot 1945", "02": "1946–1970", "03": "1971–1990", "04": "1991–2005",
              "05": "2006–2011", "06": "vanaf 2012"}
ORIENTATIONS = ("Horizontal", "East", "South", "West", "North")


@dataclass(frozen=True)
class Archetype:
    code: str
    name: str
    a_ref: float              # reference (heated) floor area, m2
    n_apartments: int
    roof: tuple[tuple[float, float, float, float], ...]   # (area, U, b, R_add) per part
    walls: tuple[tuple[float, float, float, float], ...]
    floors: tuple[tuple[float, float, float, float], ...]
    window_area: float
    u_window: float
    g_window: float
    window_by_orientation: dict[str, float]
    door_area: float
    u_door: float
    delta_u_tb: float         # thermal-bridge surcharge, W/m2K on the whole envelope
    n_infiltration: float     # 1/h
    # climate and boundary conditions (BE.N, the same on every row)
    heating_days: float
    theta_e: float
    theta_i: float
    solar: dict[str, float]   # kWh/m2 over the heating season per orientation
    f_red_htr1: float
    f_red_htr4: float
    n_air_use: float
    h_room: float
    phi_int: float            # W/m2
    q_w_nd: float             # hot-water need, kWh/m2.yr
    f_sh_hor: float
    f_sh_vert: float
    f_frame: float
    f_w: float                # non-perpendicular incidence
    c_m: float                # Wh/m2K

    @property
    def default_area(self) -> float:
        """Heated floor area of one dwelling: the building's, per apartment."""
        return self.a_ref / self.n_apartments


def band_of(year: int) -> str:
    for band, last in BANDS:
        if year <= last:
            return band
    return BANDS[-1][0]


def code_for(building_type: str, year: int) -> str:
    return f"BE.N.{TYPE_CODES[building_type].split('.')[0]}.{band_of(year)}." \
           f"{TYPE_CODES[building_type].split('.')[1]}"


Part = tuple[float, float, float, float]  # (area, U, b, R_add)


def _parts(row: dict[str, str], element: str, count: int) -> tuple[Part, ...]:
    out: list[Part] = []
    for n in range(1, count + 1):
        area = float(row[f"A_Calc_{element}_{n}"])
        if area > 0:
            out.append((area, float(row[f"U_{element}_{n}"]),
                        float(row[f"b_Transmission_{element}_{n}"]),
                        float(row[f"R_Add_UnheatedSpace_{element}_{n}"])))
    return tuple(out)


def _archetype(row: dict[str, str], building_type: str) -> Archetype:
    f = {k: float(v) for k, v in row.items() if k.startswith(("A_", "U_", "g_", "n_", "I_",
                                                                "F_", "c_", "h_", "q_", "phi",
                                                                "Theta", "theta", "Heating",
                                                                "delta"))}
    band = row["Code_BuildingType"].split(".")[3]
    # Window parts share one U and g in the Belgian rows; weigh them by area anyway.
    w1, w2 = f["A_Calc_Window_1"], f["A_Calc_Window_2"]
    windows = w1 + w2
    u_window = (w1 * f["U_Window_1"] + w2 * f["U_Window_2"]) / windows
    g_window = (w1 * f["g_gl_n_Window_1"] + w2 * f["g_gl_n_Window_2"]) / windows
    return Archetype(
        code=row["Code_BuildingType"],
        name=f"{TYPE_NAMES[building_type]} {BAND_NAMES[band]}",
        a_ref=f["A_C_Ref"], n_apartments=int(f["n_Apartment"]) if building_type ==
        "appartement" else 1,
        roof=_parts(row, "Roof", 2), walls=_parts(row, "Wall", 3), floors=_parts(row, "Floor", 2),
        window_area=windows, u_window=u_window, g_window=g_window,
        window_by_orientation={o: f[f"A_Calc_Window_{o}"] for o in ORIENTATIONS},
        door_area=f["A_Calc_Door_1"], u_door=f["U_Door_1"],
        delta_u_tb=f["delta_U_ThermalBridging_Original"], n_infiltration=f["n_air_infiltration"],
        heating_days=f["HeatingDays"], theta_e=f["Theta_e"], theta_i=f["theta_i"],
        solar={o: f["I_Sol_" + ("Hor" if o == "Horizontal" else o)] for o in ORIENTATIONS},
        f_red_htr1=f["F_red_htr1"], f_red_htr4=f["F_red_htr4"], n_air_use=f["n_air_use"],
        h_room=f["h_room"], phi_int=f["phi_int"], q_w_nd=f["q_w_nd"], f_sh_hor=f["F_sh_hor"],
        f_sh_vert=f["F_sh_vert"], f_frame=f["F_f"], f_w=f["F_w"], c_m=f["c_m"],
    )


@cache
def archetypes() -> dict[str, Archetype]:
    """Every archetype the building types use, by TABULA code."""
    wanted = {code_for(kind, last): kind for kind in TYPE_CODES for _band, last in BANDS}
    with DATA.open(encoding="utf-8") as handle:
        rows = {row["Code_BuildingType"]: row for row in csv.DictReader(handle)}
    return {code: _archetype(rows[code], kind) for code, kind in wanted.items()}


def archetype_for(building_type: str, year: int) -> Archetype:
    return archetypes()[code_for(building_type, year)]
