"""French words for the contract's codes that the checks' messages and the
outputs both show: one map per concept."""
from __future__ import annotations

# Applicant types (contract: applicant.type).
APPLICANT_TYPE_FR = {"commune": "commune", "epci": "intercommunalité (EPCI, syndicat)",
                     "departement": "département", "region": "région",
                     "association_elus": "association d'élus ou de collectivités",
                     "autre": "autre organisme (non éligible)", None: "type non déterminé"}
# What a review says when OCR read the text and the statement was not found in it.
UNREAD_FR = "non trouvé dans un texte lu par reconnaissance de caractères (OCR), à vérifier"
# Expert categories (contract: experts[].category).
EXPERT_CATEGORY_FR = {"elu": "élu", "agent": "agent territorial", "partenaire": "partenaire territorial",
                      "autre": "autre (non éligible)", None: "non déterminée"}
