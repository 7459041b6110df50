"""Admission criteria the calltaker of the crisis network checks before booking.

No official list for Flemish crisis networks was available to us; these follow
what regional crisis-network agreements commonly ask and are recorded as our
decision in docs/decisions.md. Every criterion must be ticked to book.
"""

CRITERIA = (
    ("acute_nood", "De persoon heeft vannacht geen veilige slaapplaats (acute woonnood)."),
    ("geen_netwerk", "Familie, vrienden of het eigen netwerk kunnen vannacht niet opvangen."),
    ("geen_andere_opvang", "Nachtopvang of CAW-opvang is vannacht niet mogelijk of niet "
                           "passend."),
    ("geen_medische_nood", "Er is geen acute medische of psychiatrische nood die een "
                           "ziekenhuis of politie vraagt."),
    ("werkgebied", "De hulpvraag komt uit een gemeente van het werkgebied van het "
                   "crisisnetwerk."),
    ("akkoord_opvolging", "De persoon gaat akkoord met de opvolging door de ambulante dienst "
                          "op de volgende werkdag en met de huisregels."),
)
