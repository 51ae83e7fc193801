"""French labels for codes that appear in the data (kinds, ODD)."""

from __future__ import annotations

GENRES_PROGRAMME = {
    "cle-en-main-daect": "Programme « clés en main » soutenu par la DAECT",
    "cle-en-main-aimf": "Programme « clés en main » de l'AIMF",
    "mutualisable": "Projet mutualisable",
    "appel-a-projets": "Appel à projets",
    "fonds": "Fonds",
    "concours": "Concours ou prix",
    "programme-europeen": "Programme européen",
    "autre": "Autre programme",
}

GENRES_ORGANISATION = {
    "ministere": "Ministère ou service de l'État",
    "ambassade": "Ambassade de France",
    "association-collectivites": "Association de collectivités",
    "reseau-regional": "Réseau régional multi-acteurs",
    "collectivite-francaise": "Collectivité française",
    "collectivite-etrangere": "Collectivité étrangère",
    "association": "Association",
    "organisation-internationale": "Organisation internationale",
    "etablissement-public": "Établissement public",
    "entreprise-fondation": "Entreprise ou fondation",
    "autre": "Autre organisation",
}

# Prose fields, as readers name them when a part comes from another document.
CHAMPS = {
    "description": "présentation",
    "resume": "résumé",
    "contexte": "contexte",
    "texte": "texte",
    "permet": "ce que permet le texte",
    "reponse": "réponse",
    "conseils": "pistes",
    "nom": "nom",
    "fonction": "fonction",
    "telephone": "téléphone",
    "url": "site web",
}

TABLEAUX = {
    "daect": "Programmes « clés en main » de la DAECT",
    "aimf": "Programmes « clés en main » de l'AIMF",
    "mutualisables": "Projets mutualisables",
}

# Short French titles of the 17 Sustainable Development Goals (Agenda 2030).
ODD = {
    1: "Pas de pauvreté",
    2: "Faim « zéro »",
    3: "Bonne santé et bien-être",
    4: "Éducation de qualité",
    5: "Égalité entre les sexes",
    6: "Eau propre et assainissement",
    7: "Énergie propre et d'un coût abordable",
    8: "Travail décent et croissance économique",
    9: "Industrie, innovation et infrastructure",
    10: "Inégalités réduites",
    11: "Villes et communautés durables",
    12: "Consommation et production responsables",
    13: "Mesures relatives à la lutte contre les changements climatiques",
    14: "Vie aquatique",
    15: "Vie terrestre",
    16: "Paix, justice et institutions efficaces",
    17: "Partenariats pour la réalisation des objectifs",
}
