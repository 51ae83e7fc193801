/* Worker de recherche du site, branché sur la boîte de recherche de Material.
   Il parle le protocole du worker de Material (SETUP, READY, QUERY, RESULT) et lit
   l'index construit par coopdec/search/index.py : des scripts chargés à la demande
   (importScripts dans un vrai worker ; balises script via le polyfill iframe-worker
   sous file://, où importScripts rend une promesse). Aucune requête hors du site.
   Sécurité : titres, contextes et extraits sont du texte ; ils sont échappés
   (& < > " ') avant d'ajouter <mark>, car Material insère les résultats en HTML. */
(function () {
  "use strict";
  var VERSION = "__VERSION__";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var MAX_RESULTATS = 20, MAX_PREFIXES = 40, MAX_SHARDS_PREFIXE = 4, EXTRAIT = 200;
  var ici = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || self.location.href;
  var base = new URL(VERSION + "/", ici).href;
  var meta = null, termes = [], parLongueur = {}, tab = null, cles = {}, shards = {}, blocs = {}, suites = {}, enCours = {};

  self.CDR = {
    meta: function (m) { meta = m; },
    termes: function (i, t) { shards[i] = t; },
    docs: function (i, d) { blocs[i] = d; },
    suite: function (i, t) { suites[i] = t; }
  };

  /* En http, fetch charge les fichiers en parallèle sans bloquer le worker ; chacun est un appel
     CDR.xxx(n, {...}) dont on lit le JSON (aucune évaluation de code). Sous file://, où fetch
     échoue, importScripts (balises script du polyfill). */
  var parFetch = typeof fetch === "function" && ici.lastIndexOf("http", 0) === 0;
  function lireScript(texte) {
    var appel = /^CDR\.(\w+)\(/.exec(texte), debut = appel[0].length, fin = texte.lastIndexOf(");");
    var args = JSON.parse("[" + texte.slice(debut, fin) + "]");
    self.CDR[appel[1]].apply(null, args);
  }
  function charger(urls) {
    if (!urls.length) { return Promise.resolve(); }
    if (parFetch && urls.every(function (u) { return u.indexOf(base) === 0; })) {
      return Promise.all(urls.map(function (u) {
        return fetch(u).then(function (r) {
          if (!r.ok) { throw new Error(u + " : " + r.status); }
          return r.text();
        });
      })).then(function (textes) { textes.forEach(lireScript); });
    }
    try {
      var r = importScripts(urls[0]);
      if (r && typeof r.then === "function") {  // polyfill : une promesse par fichier, chargés en parallèle
        return Promise.all([r].concat(urls.slice(1).map(function (u) { return importScripts(u); })));
      }
      if (urls.length > 1) { importScripts.apply(self, urls.slice(1)); }
      return Promise.resolve();
    } catch (e) { return Promise.reject(e); }
  }

  /* Charge une fois chaque fichier, même si deux requêtes le demandent en même temps. */
  function chargerFichiers(chemins) {
    var nouveaux = chemins.filter(function (c) { return !enCours[c]; });
    if (nouveaux.length) {
      var p = charger(nouveaux.map(function (c) { return base + c; }));
      nouveaux.forEach(function (c) { enCours[c] = p; });
    }
    return Promise.all(chemins.map(function (c) { return enCours[c]; }));
  }

  var analyse = charger([new URL("analyse.js", ici).href]);
  var pret = null;
  function demarrer() {
    if (!pret) {
      pret = analyse.then(function () { return chargerFichiers(["index.js"]); }).then(function () {
        termes = meta.termes.split("\n");
        termes.forEach(function (t) { (parLongueur[t.length] = parLongueur[t.length] || []).push(t); });
        var n = meta.n;
        tab = { score: new Float64Array(n), part: new Float64Array(n), qui: new Uint32Array(n), nb: new Uint8Array(n),
          titreNb: new Uint8Array(n), titreP: new Float32Array(n), aliasNb: new Uint8Array(n), aliasP: new Float32Array(n),
          meilleur: new Float32Array(n), enTitre: new Float32Array(n), enAlias: new Float32Array(n) };
        meta.cles.forEach(function (k, i) { if (k) { cles[k] = i; } });
      });
    }
    return pret;
  }

  function chercheExact(t) {
    var lo = 0, hi = termes.length - 1;
    while (lo <= hi) {
      var mi = (lo + hi) >> 1;
      if (termes[mi] === t) { return mi; }
      if (termes[mi] < t) { lo = mi + 1; } else { hi = mi - 1; }
    }
    return -lo - 1;
  }

  function shardDe(t) {
    for (var n = t.length; n > 0; n--) { var i = cles[t.slice(0, n)]; if (i !== undefined) { return i; } }
    return -1;
  }

  /* Les termes du dictionnaire qu'un terme de la requête rejoint, avec leur poids. */
  function expansions(q, prefixe) {
    var out = {}, i = chercheExact(q);
    if (i >= 0) { out[q] = 1; }
    if (prefixe && q.length >= 3) {
      var debut = i >= 0 ? i + 1 : -i - 1, trouves = [], lus = {}, nbLus = 0;
      for (var k = debut; k < termes.length && termes[k].lastIndexOf(q, 0) === 0; k++) { trouves.push(termes[k]); }
      trouves.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
      // Les mots complétés les plus courts d'abord, dans peu de fichiers : la frappe reste rapide.
      trouves.slice(0, MAX_PREFIXES).forEach(function (t) {
        var f = shardDe(t);
        if (!lus[f]) { if (nbLus >= MAX_SHARDS_PREFIXE) { return; } lus[f] = true; nbLus++; }
        out[t] = 0.6;
      });
      for (var n = q.length - 1; n >= Math.max(5, q.length - 4); n--) {  // « cooperati » rejoint « cooper »
        if (chercheExact(q.slice(0, n)) >= 0 && !out[q.slice(0, n)]) { out[q.slice(0, n)] = 0.7; }
      }
    }
    if (q.length >= CDAnalyse.FAUTE_MIN && /^[a-z]+$/.test(q)) {
      var q0 = q.charCodeAt(0);
      for (var l = q.length - 1; l <= q.length + 1; l++) {
        (parLongueur[l] || []).forEach(function (t) {  // la première lettre est juste : « fasso » rejoint « faso », pas « asso »
          if (t.charCodeAt(0) === q0 && !out[t] && CDAnalyse.aUneFaute(q, t)) { out[t] = 0.4; }
        });
      }
    }
    return out;
  }

  function echappe(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  /* Texte échappé avec les mots trouvés entre <mark> ; `debut`/`fin` bornent l'extrait. */
  function marque(texte, trouves, vus, debut, fin) {
    var plie = CDAnalyse.plierAvecPositions(texte), morceaux = [], pos = debut;
    CDAnalyse.jetonsPlies(plie.texte).forEach(function (j) {
      var a = plie.pos[j.debut], b = plie.pos[j.fin];
      if (!trouves[j.terme] || a < pos || b > fin) { return; }
      morceaux.push(echappe(texte.slice(pos, a)), "<mark>", echappe(texte.slice(a, b)), "</mark>");
      vus[texte.slice(a, b)] = true;
      pos = b;
    });
    morceaux.push(echappe(texte.slice(pos, fin)));
    return morceaux.join("");
  }

  /* La phrase qui contient le plus de mots trouvés, recadrée autour du premier. */
  function extrait(texte, trouves, vus) {
    if (!texte) { return ""; }
    var phrases = [], re = /[.!?;]+(?:\s+|$)/g, m, debutPhrase = 0;  // « sp@aimf.asso.fr » ne coupe pas
    while ((m = re.exec(texte)) !== null) { phrases.push([debutPhrase, m.index + m[0].length]); debutPhrase = m.index + m[0].length; }
    if (debutPhrase < texte.length) { phrases.push([debutPhrase, texte.length]); }
    var meilleure = phrases[0] || [0, texte.length], score = 0, premier = -1;
    phrases.forEach(function (p) {
      var plie = CDAnalyse.plierAvecPositions(texte.slice(p[0], p[1])), n = {}, d = -1;
      CDAnalyse.jetonsPlies(plie.texte).forEach(function (j) {
        if (trouves[j.terme]) { n[j.terme] = true; if (d < 0) { d = p[0] + plie.pos[j.debut]; } }
      });
      var s = Object.keys(n).length;
      if (s > score) { score = s; meilleure = p; premier = d; }
    });
    var debut = meilleure[0], fin = meilleure[1], coupe = false;
    if (fin - debut > EXTRAIT) {
      coupe = true;
      if (premier > debut + EXTRAIT / 3) { debut = texte.lastIndexOf(" ", premier - EXTRAIT / 3) + 1; }
      if (fin > debut + EXTRAIT) { fin = Math.max(texte.indexOf(" ", debut + EXTRAIT), debut + EXTRAIT); }
    }
    fin = Math.min(fin, texte.length);
    var html = marque(texte, trouves, vus, debut, fin).trim();
    return (coupe && debut > meilleure[0] ? "… " : "") + html + (fin < texte.length && !/[.!?;]\s*$/.test(texte.slice(debut, fin)) ? " …" : "");
  }

  function chercher(requete, depassee) {
    var mots = CDAnalyse.termesRequete(requete);
    if (!mots.length) { return Promise.resolve({ items: [] }); }
    var prefixe = /[a-z0-9]$/i.test(CDAnalyse.plier(requete));
    var exp = mots.map(function (q, i) { return expansions(q, prefixe && i === mots.length - 1); });
    var besoin = {};
    exp.forEach(function (e) { Object.keys(e).forEach(function (t) { besoin[shardDe(t)] = true; }); });
    var fichiers = Object.keys(besoin).filter(function (i) { return i >= 0; }).map(function (i) { return "t/" + i + ".js"; });
    return chargerFichiers(fichiers).then(function () {
      if (depassee()) { return null; }
      // Tableaux typés, un emplacement par document : des dizaines de milliers de fiches restent rapides.
      var score = tab.score, part = tab.part, qui = tab.qui, nb = tab.nb, titreNb = tab.titreNb, titreP = tab.titreP;
      var aliasNb = tab.aliasNb, aliasP = tab.aliasP, meilleur = tab.meilleur, enTitre = tab.enTitre, enAlias = tab.enAlias;
      var trouves = {}, touches = [];
      exp.forEach(function (e, qi) {
        var vus = [];
        Object.keys(e).forEach(function (t) {
          trouves[t] = true;
          var liste = (shards[shardDe(t)] || {})[t] || [], d = 0, w = e[t];
          for (var k = 0; k < liste.length; k += 2) {
            d += liste[k];
            var v = liste[k + 1], s = (v >> 2) * w;
            if (meilleur[d] === 0) { vus.push(d); }
            if (s > meilleur[d]) { meilleur[d] = s; }
            if ((v & 1) && w > enTitre[d]) { enTitre[d] = w; }
            if ((v & 2) && w > enAlias[d]) { enAlias[d] = w; }
          }
        });
        var max = 0;
        vus.forEach(function (d) { if (meilleur[d] > max) { max = meilleur[d]; } });
        vus.forEach(function (d) {
          if (nb[d] === 0) { touches.push(d); titreP[d] = aliasP[d] = 1; }
          score[d] += meilleur[d];
          part[d] += meilleur[d] / max;
          nb[d] += 1;
          qui[d] |= 1 << qi;
          if (enTitre[d]) { titreNb[d] += 1; titreP[d] = Math.min(titreP[d], enTitre[d]); }
          if (enAlias[d]) { aliasNb[d] += 1; aliasP[d] = Math.min(aliasP[d], enAlias[d]); }
          meilleur[d] = enTitre[d] = enAlias[d] = 0;
        });
      });
      var docs = touches.filter(function (d) { return nb[d] === mots.length; });
      if (!docs.length) {  // aucune fiche n'a tous les mots : les meilleures de chaque mot, à parts égales
        docs = touches;
        docs.forEach(function (d) { score[d] = part[d] * 1e3; });
      }
      docs.forEach(function (d) {
        // Le titre (ou le sigle), exactement : chaque mot de la requête, rien de plus ; une faute compte moins.
        if (titreNb[d] === mots.length && meta.titres[d] === mots.length) { score[d] += 1e6 * titreP[d]; }
        else if (aliasNb[d] === mots.length && meta.alias[d] === mots.length) { score[d] += 1e6 * aliasP[d]; }
        score[d] += nb[d] * 1e7;
      });
      docs.sort(function (a, b) { return score[b] - score[a] || a - b; });
      docs = docs.slice(0, MAX_RESULTATS);
      var garde = {};
      docs.forEach(function (d) { garde[d] = [score[d], nb[d], qui[d]]; });
      touches.forEach(function (d) {  // tableaux remis à zéro pour la requête suivante
        score[d] = part[d] = qui[d] = nb[d] = titreNb[d] = aliasNb[d] = 0;
      });
      var fichiersDocs = {};
      docs.forEach(function (d) { fichiersDocs["d/" + Math.floor(d / meta.bloc) + ".js"] = true; });
      return chargerFichiers(Object.keys(fichiersDocs)).then(function () {
        // Un texte long n'est rangé qu'en partie avec sa fiche : si les mots trouvés n'y sont pas,
        // la suite est chargée, pour que l'extrait soit la phrase qui les contient.
        return chargerFichiers(docs.filter(function (d) {
          var doc = fiche(d);
          return doc[5] && !CDAnalyse.jetons(doc[4]).some(function (j) { return trouves[j.terme]; });
        }).map(function (d) { return "s/" + d + ".js"; }).concat(docs.map(function (d) {
          var p = fiche(d)[6];  // le bloc de la page d'une section : Material affiche la section sous son titre
          return p >= 0 ? "d/" + Math.floor(p / meta.bloc) + ".js" : null;
        }).filter(function (f, i, tous) { return f && tous.indexOf(f) === i; })));
      }).then(function () {
        if (depassee()) { return null; }
        // Les sections d'une même page sont regroupées sous elle, comme le fait Material ; une page
        // absente des résultats est ajoutée (score 0, comme dans le worker de Material) : sans elle,
        // Material montrerait la section comme un titre seul, sans son extrait.
        var groupes = [], parPage = {};
        docs.forEach(function (d) {
          var g = garde[d], r = resultat(d, g[0], trouves, g[1] < mots.length ? { requete: requete, mots: mots, qui: g[2] } : null), page = r.location.split("#")[0];
          if (parPage[page]) { parPage[page].push(r); } else { parPage[page] = [r]; groupes.push(parPage[page]); }
          var p = fiche(d)[6];
          if (p >= 0 && !parPage[page].some(function (x) { return x.location === page; })) {
            parPage[page].push({ location: page, title: marque(fiche(p)[1], trouves, {}, 0, fiche(p)[1].length), text: "", score: 0, terms: {} });
          }
        });
        groupes.forEach(function (g) {
          g.sort(function (a, b) { return (a.location.indexOf("#") >= 0) - (b.location.indexOf("#") >= 0); });
        });
        return { items: groupes };
      });
    });
  }

  function fiche(d) { return blocs[Math.floor(d / meta.bloc)][d % meta.bloc]; }

  function resultat(d, score, trouves, manque) {
    var doc = fiche(d), vus = {};
    var titre = marque(doc[1], trouves, vus, 0, doc[1].length);
    var texte = extrait(suites[d] !== undefined ? doc[4] + suites[d] : doc[4], trouves, vus);
    var html = '<p class="cd-resultat__contexte"><span class="cd-resultat__type">' + echappe(doc[2]) + "</span>" +
      (doc[3] ? " " + echappe(doc[3]) : "") + "</p>" + (texte ? '<p class="cd-resultat__extrait">' + texte + "</p>" : "");
    var mots = {};
    Object.keys(vus).forEach(function (m) { mots[m] = true; });
    if (manque) {
      var p = CDAnalyse.plierAvecPositions(manque.requete);  // les mots de la requête absents de cette fiche
      CDAnalyse.jetonsPlies(p.texte).forEach(function (j) {
        var i = manque.mots.indexOf(j.terme);
        if (!j.vide && i >= 0 && !(manque.qui & (1 << i))) { mots[manque.requete.slice(p.pos[j.debut], p.pos[j.fin])] = false; }
      });
    }
    return { location: doc[0], title: titre, text: html, score: score / 1e3, terms: mots };
  }

  // En http, le worker démarre avec la page : l'index est prêt avant la première frappe. Sous file://,
  // il tourne dans la page (polyfill) : on attend que le lecteur ouvre la recherche (SETUP).
  if (ici.lastIndexOf("file:", 0) !== 0) { demarrer(); }

  /* Chaque frappe lance sa requête tout de suite, sans attendre la précédente ni un délai : les
     chargements de fichiers sont partagés (chargerFichiers), les scores sont calculés d'un seul tenant
     (les tableaux typés communs sont remis à zéro avant toute attente), et seule la plus récente répond.
     Une requête dépassée s'arrête dès que ses fichiers arrivent, sans charger les blocs de documents. */
  var derniere = 0;
  addEventListener("message", function (ev) {
    var msg = ev.data;
    if (msg.type === SETUP) {
      demarrer().then(function () { postMessage({ type: READY }); });
    } else if (msg.type === QUERY) {
      var n = ++derniere, depassee = function () { return n !== derniere; };
      demarrer().then(function () { return depassee() ? null : chercher(msg.data, depassee); }).then(function (r) {
        if (r && !depassee()) { postMessage({ type: RESULT, data: r }); }
      }).catch(function (e) {
        if (!depassee()) { postMessage({ type: RESULT, data: { items: [] } }); }
        console.error(e);
      });
    }
  });
})();
