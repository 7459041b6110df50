"""The seasonal heat balance (TABULA common calculation method, EN ISO 13790
based) and the delivered energy, written once for one dwelling (floats) and
for many (NumPy arrays): every formula here takes either.

Per m2 of (scaled) reference floor area over the heating season:
- h_tr = (sum b*U_eff*A + dU_tb * sum A_envelope) / A_ref,
  U_eff = 1 / (1/U + R_add + R_insulation)
- h_ve = 0.34 * (n_air_use * (1 - recovery) + n_infiltration) * h_room
- F_red linear between F_red_htr1 (h_tr <= 1) and F_red_htr4 (h_tr >= 4)
- q_ht = 0.024 * (h_tr + h_ve) * F_red * (theta_i - theta_e) * heating days
- q_sol = sum over orientations F_sh * (1 - F_f) * F_w * g * A_window * I_sol / A_ref
- q_int = 0.024 * phi_int * heating days
- tau = c_m / (h_tr + h_ve); a = 0.8 + tau/30; gamma = (q_sol + q_int) / q_ht;
  eta = (1 - gamma^a) / (1 - gamma^(a+1))  (a / (a+1) when gamma = 1)
- q_h_nd = q_ht - eta * (q_sol + q_int), never below zero.

A dwelling with another floor area than the archetype's keeps its shape:
roof, floor and windows scale with the area, walls with its square root (a
house keeps its number of storeys), the door stays; an apartment scales as its
share of the building (every element with its area).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .archetypes import ORIENTATIONS, Archetype

CARRIERS = ("aardgas", "stookolie", "elektriciteit", "pellets")
ELEMENTS = ("dak", "muren", "vloer", "ramen", "deuren", "koudebruggen", "ventilatie")
PARTS = {"roof": 2, "walls": 3, "floors": 2}  # parts per element, padded with empty ones

Num = Any  # a float for one dwelling, a NumPy array for many


@dataclass(frozen=True)
class Geometry:
    """The archetype's numbers the balance needs (floats, or arrays per dwelling)."""

    a_ref: Num
    default_area: Num
    apartment: Num            # 1.0 for an apartment, 0.0 for a house
    parts: dict[str, tuple[tuple[Num, Num, Num, Num], ...]]  # element -> (A, U, b, R_add)
    window_area: Num
    u_window: Num
    g_window: Num
    window_by_orientation: dict[str, Num]
    door_area: Num
    u_door: Num
    delta_u_tb: Num
    n_infiltration: Num
    heating_days: Num
    delta_theta: Num
    solar: dict[str, Num]
    f_red_htr1: Num
    f_red_htr4: Num
    n_air_use: Num
    h_room: Num
    phi_int: Num
    q_w_nd: Num
    f_sh_hor: Num
    f_sh_vert: Num
    f_frame: Num
    f_w: Num
    c_m: Num


def geometry_of(arch: Archetype) -> Geometry:
    parts = {}
    for element, count in PARTS.items():
        given = list(getattr(arch, element))
        parts[element] = tuple(given + [(0.0, 1.0, 0.0, 0.0)] * (count - len(given)))
    return Geometry(
        a_ref=arch.a_ref, default_area=arch.default_area,
        apartment=1.0 if arch.n_apartments > 1 or arch.code.split(".")[2] == "MFH" else 0.0,
        parts=parts, window_area=arch.window_area, u_window=arch.u_window,
        g_window=arch.g_window, window_by_orientation=dict(arch.window_by_orientation),
        door_area=arch.door_area, u_door=arch.u_door, delta_u_tb=arch.delta_u_tb,
        n_infiltration=arch.n_infiltration, heating_days=arch.heating_days,
        delta_theta=arch.theta_i - arch.theta_e, solar=dict(arch.solar),
        f_red_htr1=arch.f_red_htr1, f_red_htr4=arch.f_red_htr4, n_air_use=arch.n_air_use,
        h_room=arch.h_room, phi_int=arch.phi_int, q_w_nd=arch.q_w_nd, f_sh_hor=arch.f_sh_hor,
        f_sh_vert=arch.f_sh_vert, f_frame=arch.f_frame, f_w=arch.f_w, c_m=arch.c_m,
    )


@dataclass(frozen=True)
class Envelope:
    """What the occupant changed: added insulation (m2K/W), windows, air, ventilation."""

    area: Num                 # heated floor area of the dwelling, m2
    r_roof: Num
    r_walls: Num
    r_floors: Num
    u_window: Num
    g_window: Num
    n_infiltration: Num
    recovery: Num             # heat recovery of the ventilation (0..1)


def _u_eff(u: Num, r_add: Num, r_ins: Num) -> Num:
    return 1.0 / (1.0 / u + r_add + r_ins)


def balance(g: Geometry, e: Envelope) -> dict[str, Num]:
    """Net heating need of the dwelling, per m2 and in total, with the losses per element."""
    k = e.area / g.default_area                       # the dwelling's scale to the archetype
    k_wall = g.apartment * k + (1.0 - g.apartment) * np.sqrt(k)
    k_door = g.apartment * k + (1.0 - g.apartment)
    a_calc = g.a_ref * k
    h = {}
    envelope_area: Num = 0.0
    for element, r_ins, scale in (("roof", e.r_roof, k), ("walls", e.r_walls, k_wall),
                                  ("floors", e.r_floors, k)):
        total: Num = 0.0
        for area, u, b, r_add in g.parts[element]:
            total = total + b * area * scale * _u_eff(u, r_add, r_ins)
            envelope_area = envelope_area + area * scale
        h[element] = total
    window_area = g.window_area * k
    door_area = g.door_area * k_door
    h["windows"] = e.u_window * window_area
    h["doors"] = g.u_door * door_area
    envelope_area = envelope_area + window_area + door_area
    h["bridges"] = g.delta_u_tb * envelope_area
    h_transmission = h["roof"] + h["walls"] + h["floors"] + h["windows"] + h["doors"] \
        + h["bridges"]
    h_tr = h_transmission / a_calc
    h_ve = 0.34 * (g.n_air_use * (1.0 - e.recovery) + e.n_infiltration) * g.h_room
    f_red = g.f_red_htr1 + (g.f_red_htr4 - g.f_red_htr1) * (np.clip(h_tr, 1.0, 4.0) - 1.0) / 3.0
    degree_hours = 0.024 * f_red * g.delta_theta * g.heating_days
    q_ht = (h_tr + h_ve) * degree_hours
    q_sol: Num = 0.0
    for orientation in ORIENTATIONS:
        shading = g.f_sh_hor if orientation == "Horizontal" else g.f_sh_vert
        q_sol = q_sol + shading * (1.0 - g.f_frame) * g.f_w * e.g_window \
            * g.window_by_orientation[orientation] * k * g.solar[orientation]
    q_sol = q_sol / a_calc
    q_int = 0.024 * g.phi_int * g.heating_days
    tau = g.c_m / (h_tr + h_ve)
    a_h = 0.8 + tau / 30.0
    gamma = (q_sol + q_int) / q_ht
    with np.errstate(divide="ignore", invalid="ignore"):
        eta = np.where(np.abs(gamma - 1.0) < 1e-12, a_h / (a_h + 1.0),
                       (1.0 - gamma ** a_h) / (1.0 - gamma ** (a_h + 1.0)))
    gains = eta * (q_sol + q_int)
    q_h_nd = np.maximum(q_ht - gains, 0.0)
    per_dwelling = e.area / a_calc                   # from the scaled archetype to the dwelling
    losses = {name: h[key] * degree_hours * per_dwelling for name, key in (
        ("dak", "roof"), ("muren", "walls"), ("vloer", "floors"), ("ramen", "windows"),
        ("deuren", "doors"), ("koudebruggen", "bridges"))}
    losses["ventilatie"] = h_ve * degree_hours * e.area
    return {
        "h_tr": h_tr, "h_ve": h_ve, "f_red": f_red, "q_ht": q_ht, "q_sol": q_sol,
        "q_int": q_int, "eta": eta, "heat_need_kwh_m2": q_h_nd,
        "heat_need_kwh": q_h_nd * e.area, "losses": losses,
        "gains": {"zon": eta * q_sol * e.area, "intern": eta * q_int * e.area},
    }


@dataclass(frozen=True)
class Systems:
    """Delivered energy per kWh of need, per carrier, for heating and hot water."""

    heating: dict[str, Num]
    hot_water: dict[str, Num]
    aux_kwh_m2: Num           # fans, on electricity
    hot_water_kwh: Num        # hot-water need of the dwelling, kWh/yr
    pv_kwh: Num


@dataclass(frozen=True)
class Rates:
    primary: dict[str, float]
    co2: dict[str, float]     # kg/kWh
    price: dict[str, float]   # EUR/kWh
    pv_value: float           # EUR per kWh of own PV
    label_bounds: tuple[float, ...]


def delivery(heat_need_kwh: Num, area: Num, s: Systems, rates: Rates) -> dict[str, Num]:
    """Delivered energy by carrier, primary energy per m2, CO2 and yearly cost."""
    delivered = {c: heat_need_kwh * s.heating[c] + s.hot_water_kwh * s.hot_water[c]
                 for c in CARRIERS}
    delivered["elektriciteit"] = delivered["elektriciteit"] + s.aux_kwh_m2 * area
    primary: Num = 0.0
    co2: Num = 0.0
    cost: Num = 0.0
    for c in CARRIERS:
        primary = primary + delivered[c] * rates.primary[c]
        co2 = co2 + delivered[c] * rates.co2[c]
        cost = cost + delivered[c] * rates.price[c]
    primary = primary - s.pv_kwh * rates.primary["elektriciteit"]
    co2 = np.maximum(co2 - s.pv_kwh * rates.co2["elektriciteit"], 0.0)
    cost = np.maximum(cost - s.pv_kwh * rates.pv_value, 0.0)
    primary_m2 = primary / area
    return {
        "delivered": delivered,
        "delivered_kwh": delivered["aardgas"] + delivered["stookolie"]
        + delivered["elektriciteit"] + delivered["pellets"],
        "primary_energy_kwh_m2": primary_m2,
        "label_index": np.searchsorted(np.asarray(rates.label_bounds), primary_m2, side="right"),
        "co2_kg": co2, "cost_eur": cost,
    }
