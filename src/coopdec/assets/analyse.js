/* Analyse du français pour la recherche : miroir exact de coopdec/search/analysis.py.
   Utilisé par le worker de recherche et par le filtre de l'explorateur ; un test compare
   les deux implémentations sur tout le catalogue. Aucune dépendance, aucun accès au DOM. */
(function (racine) {
  "use strict";
  var LIGATURES = { "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss" };
  var TOKEN = /([a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})|(\bodd ?(\d{1,2})\b)|(\b(?:[a-z]\.){2,}(?![a-z0-9]))|(\b\d+(?:[.,]\d+)+\b)|([a-z0-9]+)/g;
  var PART = /[a-z0-9]+/g;
  var STOP = {};
  ("a à afin ai au aux avec ce ces cet cette c d dans de des du elle elles en entre est et été être il ils " +
   "j je l la le les leur leurs lors lorsqu m ma mais me mes n ne ni nos notre nous on ou où par pas pour " +
   "puis puisqu qu quand que quel quelle qui s sa sans se ses si son sont sous sur t ta te tes un une vos " +
   "votre vous y jusqu").split(" ").forEach(function (w) { STOP[plierCar(w)] = true; });
  var SUFFIXES = ["issements", "issement", "ements", "ement", "atrices", "atrice", "ateurs", "ateur", "ations", "ation",
    "iques", "ique", "ites", "ite", "ives", "ive", "ifs", "if", "er", "ee"];
  var MIN_STEM = 4, TYPO_MIN = 5;

  function plierCar(s) {
    return s.replace(/[œŒæÆß]/g, function (c) { return LIGATURES[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /* Texte plié et, pour chaque caractère plié, la position du caractère d'origine (extraits). */
  function plierAvecPositions(texte) {
    var sortie = "", pos = [];
    for (var i = 0; i < texte.length; i++) {
      var c = texte[i], code = texte.charCodeAt(i);
      if (code < 128) { sortie += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c; pos.push(i); continue; }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < texte.length) { c += texte[i + 1]; }
      var p = plierCar(c);
      for (var k = 0; k < p.length; k++) { pos.push(i); }
      sortie += p;
      i += c.length - 1;
    }
    pos.push(texte.length);
    return { texte: sortie, pos: pos };
  }

  function racinise(mot) {
    if (mot.length <= 3 || !/^[a-z]+$/.test(mot)) { return mot; }
    var d = mot[mot.length - 1];
    if ((d === "s" || d === "x") && mot.slice(-2) !== "ss") { mot = mot.slice(0, -1); }
    for (var i = 0; i < SUFFIXES.length; i++) {
      var s = SUFFIXES[i];
      if (mot.slice(-s.length) === s && mot.length - s.length >= MIN_STEM) { return mot.slice(0, -s.length); }
    }
    if (mot[mot.length - 1] === "e" && mot.length - 1 >= MIN_STEM) { return mot.slice(0, -1); }
    return mot;
  }

  /* Jetons : {terme, debut, fin, vide} ; debut/fin dans le texte plié. */
  function jetonsPlies(plie) {
    var sortie = [], m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(plie)) !== null) {
      var debut = m.index, fin = m.index + m[0].length;
      if (m[1]) {
        sortie.push({ terme: m[1], debut: debut, fin: fin, vide: false });
        var p; PART.lastIndex = 0;
        while ((p = PART.exec(m[1])) !== null) {
          sortie.push({ terme: racinise(p[0]), debut: debut, fin: fin, vide: STOP[p[0]] === true });
        }
      } else if (m[2]) {
        sortie.push({ terme: "odd" + String(parseInt(m[3], 10)), debut: debut, fin: fin, vide: false });
      } else if (m[4]) {
        sortie.push({ terme: m[4].replace(/\./g, ""), debut: debut, fin: fin, vide: false });
      } else if (m[5]) {
        sortie.push({ terme: m[5].replace(/,/g, "."), debut: debut, fin: fin, vide: false });
      } else {
        sortie.push({ terme: racinise(m[6]), debut: debut, fin: fin, vide: STOP[m[6]] === true });
      }
    }
    return sortie;
  }

  function jetons(texte) { return jetonsPlies(plierCar(texte)); }

  function termes(texte) {
    return jetons(texte).filter(function (t) { return !t.vide; }).map(function (t) { return t.terme; });
  }

  function termesRequete(texte) {
    var j = jetons(texte), garde = j.filter(function (t) { return !t.vide; });
    if (!garde.length) { garde = j; }
    var vus = {}, sortie = [];
    garde.forEach(function (t) { if (!vus[t.terme]) { vus[t.terme] = true; sortie.push(t.terme); } });
    return sortie;
  }

  /* Au plus une lettre ajoutée, ôtée, remplacée, ou deux voisines échangées (sans allocation : appelée
     sur tout le dictionnaire). */
  function aUneFaute(a, b) {
    if (a === b) { return true; }
    var la = a.length, lb = b.length, i = 0, k;
    if (la - lb > 1 || lb - la > 1) { return false; }
    while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) { i++; }
    if (la === lb) {
      for (k = i + 1; k < la && a.charCodeAt(k) === b.charCodeAt(k); k++) { /* suite identique ? */ }
      if (k >= la) { return true; }
      if (i + 1 >= la || a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) { return false; }
      for (k = i + 2; k < la; k++) { if (a.charCodeAt(k) !== b.charCodeAt(k)) { return false; } }
      return true;
    }
    var d = la > lb ? 1 : 0, e = 1 - d;  // la lettre en trop est dans le plus long
    for (k = i; k + d < la && k + e < lb; k++) { if (a.charCodeAt(k + d) !== b.charCodeAt(k + e)) { return false; } }
    return true;
  }

  var api = {
    plier: plierCar, plierAvecPositions: plierAvecPositions, racinise: racinise, jetons: jetons,
    jetonsPlies: jetonsPlies, termes: termes, termesRequete: termesRequete, aUneFaute: aUneFaute,
    FAUTE_MIN: TYPO_MIN
  };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { racine.CDAnalyse = api; }
})(typeof self !== "undefined" ? self : this);
