/* Explorateur du catalogue (code du projet) : filtres combinés sur les
   programmes ou les contacts, texte analysé comme la recherche du site (CDAnalyse,
   assets/analyse.js, placé en tête de ce fichier à la construction),
   compteurs en direct, état des filtres dans l'adresse (#…) pour partager une
   vue. Données : window.CD_DONNEES (assets/catalogue/donnees-programmes.js ou
   donnees-contacts.js), en colonnes (coopdec/explorer.py). Un grand jeu n'y met que
   le premier affichage (premières fiches, compteurs des options) ; le reste,
   window.CD_SUITE (donnees-…-suite.js), est chargé par une balise <script> (marche
   sous file://) dès que le lecteur touche l'explorateur ou que l'adresse demande
   une vue filtrée. Les lignes sont construites en nœuds DOM (textContent). */
(function () {
  "use strict";
  var A = window.CDAnalyse;
  function mots(s) { return A.termesRequete(s); }
  function el(nom, texte, attributs) {
    var e = document.createElement(nom);
    if (texte != null) { e.textContent = texte; }
    for (var k in attributs || {}) { e.setAttribute(k, attributs[k]); }
    return e;
  }
  function lien(href, texte) { return el("a", texte, { href: href }); }
  function cellule() {  // a <td> holding the given nodes (strings become text)
    var td = el("td");
    Array.prototype.forEach.call(arguments, function (n) { if (n) { td.appendChild(typeof n === "string" ? document.createTextNode(n) : n); } });
    return td;
  }

  var JEUX = {
    programmes: {
      nom: ["programme", "programmes"],
      filtres: [["th", "thematique", "Thématique", "themes"], ["z", "zone", "Géographie", "zones"],
                ["p", "pays", "Pays", "pays"], ["g", "genre", "Type de programme", "genres"],
                ["o", "odd", "ODD", "odd"], ["po", "porteur", "Porteur", "organisations"]],
      colonnes: ["Programme", "Type", "Destination"],
      ligne: function (r, L, base) {
        return [cellule(lien(base + "programmes/" + r.id + ".html", r.t)), cellule(L.genres[r.g]),
                cellule(r.d, r.tous && el("br"), r.tous && el("span", "Sans pays précis dans la source : retenu pour toute géographie", { "class": "cd-tous" }))];
      },
      // Sort keys and CSV columns: plain values, never HTML.
      tris: [["titre", "Titre", function (r) { return r.t; }], ["type", "Type", function (r, L) { return L.genres[r.g]; }],
             ["destination", "Destination", function (r) { return r.d; }]],
      csv: function (r, L, base) {
        return [r.t, L.genres[r.g], r.d, r.tous ? "oui" : "non", r.po.map(function (o) { return L.organisations[o] || o; }).join(" ; "),
                new URL(base + "programmes/" + r.id + ".html", window.location.href).href];
      },
      csvColonnes: ["programme", "type", "destination", "ouvert_a_tous_les_pays", "porteurs", "adresse"],
      // Columns of the data that are positions in a label set (coopdec/explorer.py: _INDEX, _LISTES).
      index: { g: "genres" }, listes: { p: "pays", z: "zones", th: "themes", o: "odd", po: "organisations" }
    },
    contacts: {
      nom: ["contact", "contacts"],
      filtres: [["or", "organisation", "Organisation", "organisations"], ["z", "zone", "Géographie", "zones"],
                ["p", "pays", "Pays", "pays"], ["th", "thematique", "Thématique", "themes"], ["r", "region", "Région française", "regions"]],
      colonnes: ["Contact", "Organisation", "E-mail"],
      ligne: function (r, L, base) {
        var fonction = r.f && r.n.indexOf(r.f) < 0;
        return [cellule(lien(base + "contacts/" + r.id + ".html", r.n), fonction && el("br"), fonction && el("small", r.f)),
                cellule(lien(base + "organisations/" + r.or + ".html", L.organisations[r.or] || r.or)),
                cellule(lien("mailto:" + r.e, r.e))];
      },
      tris: [["nom", "Nom", function (r) { return r.n; }], ["organisation", "Organisation", function (r, L) { return L.organisations[r.or] || r.or; }]],
      csv: function (r, L) { return [r.n, r.f, L.organisations[r.or] || r.or, r.e]; },
      csvColonnes: ["contact", "fonction", "organisation", "email"],
      index: { or: "organisations" }, listes: { p: "pays", z: "zones", th: "themes", r: "regions" }
    }
  };
  // A record open to every country (« tous ») matches any geography or country chosen.
  var GEO = { z: true, p: true };
  function comparer(x, y) { return A.plier(String(x).toLowerCase()).localeCompare(A.plier(String(y).toLowerCase()), "fr"); }
  function champCsv(v) { v = String(v == null ? "" : v); return /[",\n;]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function telecharger(nom, colonnes, lignesCsv) {
    var texte = "\ufeff" + [colonnes].concat(lignesCsv).map(function (l) { return l.map(champCsv).join(","); }).join("\r\n") + "\r\n";
    var lien = document.createElement("a");
    lien.href = URL.createObjectURL(new Blob([texte], { type: "text/csv;charset=utf-8" }));
    lien.download = nom;
    document.body.appendChild(lien);
    lien.click();
    setTimeout(function () { URL.revokeObjectURL(lien.href); lien.remove(); }, 0);
  }
  function a(v) { return Array.isArray(v) ? v : [v]; }

  function lire() {
    var etat = {};
    new URLSearchParams(window.location.hash.replace(/^#/, "")).forEach(function (v, k) { etat[k] = v; });
    return etat;
  }

  // Columns (coopdec/explorer.py) → one object per record, with the fields of explorer_data, in the
  // order of the data (titles or names in French order): r.i is that rank.
  function decoder(b, jeu, ordre) {
    var lignes = b.id.map(function (_, i) { return { i: i }; });
    Object.keys(b).forEach(function (k) {
      var col = b[k], o = ordre[jeu.index[k] || jeu.listes[k]];
      if (k === "termes" || k === "tous") { return; }
      lignes.forEach(function (r, i) {
        if (k === "x") { r.x = col[i].map(function (j) { return b.termes[j]; }); } else if (jeu.index[k]) { r[k] = o[col[i]]; } else if (jeu.listes[k]) {
          r[k] = col[i].map(function (j) { return o[j]; });
        } else { r[k] = col[i]; }
      });
    });
    b.tous.forEach(function (i) { lignes[i].tous = 1; });
    return lignes;
  }

  function formulaire(racine, jeu, etat) {
    var form = el("form", null, { "class": "cd-filtres", role: "search", "aria-label": "Filtrer les " + jeu.nom[1] });
    function rubrique(id, libelle, controle) {
      var p = el("p");
      p.appendChild(el("label", libelle, { "for": id }));
      p.appendChild(controle);
      form.appendChild(p);
      return controle;
    }
    var champ = rubrique("cd-q", "Texte (sans accents possible)", el("input", null, { id: "cd-q", type: "search", autocomplete: "off" }));
    champ.value = etat.q || "";
    jeu.filtres.forEach(function (f) { rubrique("cd-" + f[1], f[2], el("select", null, { id: "cd-" + f[1], "data-cle": f[0], "data-nom": f[1] })); });
    var tri = rubrique("cd-tri", "Trier par", el("select", null, { id: "cd-tri", "class": "cd-tri" }));
    jeu.tris.forEach(function (t) { tri.appendChild(el("option", t[1], { value: t[0] })); });
    var p = el("p");
    p.appendChild(el("button", "Tout effacer", { type: "reset", "class": "md-button" }));
    form.appendChild(p);
    var actions = el("p", null, { "class": "cd-actions" });
    actions.appendChild(el("button", "Télécharger la sélection (CSV)", { type: "button", "class": "md-button cd-csv" }));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(el("button", "Imprimer la sélection", { type: "button", "class": "md-button cd-imprimer" }));
    var resultats = el("div", null, { "class": "cd-resultats" }), table = el("table"), tete = el("tr");
    jeu.colonnes.forEach(function (c) { tete.appendChild(el("th", c, { scope: "col" })); });
    table.appendChild(el("thead")).appendChild(tete);
    table.appendChild(el("tbody"));
    resultats.appendChild(table);
    var plus = el("p");
    plus.appendChild(el("button", "Afficher plus", { type: "button", "class": "md-button cd-plus", hidden: "" }));
    racine.textContent = "";
    [form, actions, el("p", null, { "class": "cd-compte", role: "status", "aria-live": "polite" }), resultats, plus].forEach(function (n) {
      racine.appendChild(n);
    });
  }

  function monter(racine) {
    var D = window.CD_DONNEES, jeu = JEUX[racine.dataset.jeu];
    if (!D || !jeu) { return; }
    var base = racine.dataset.base || "", L = {}, ordre = {}, etat = lire(), page = D.page || 200, max = page, rangs = {};
    Object.keys(D.labels).forEach(function (k) {
      L[k] = {};
      ordre[k] = D.labels[k].map(function (p) { L[k][p[0]] = p[1]; return p[0]; });
    });
    var lignes = decoder(D.premiers, jeu, ordre), complet = !D.suite, chargement = false, enAttente = null;
    formulaire(racine, jeu, etat);
    var champ = racine.querySelector("#cd-q"), selects = Array.prototype.slice.call(racine.querySelectorAll("select[data-cle]"));
    var tri = racine.querySelector("#cd-tri"), courant = [];
    if (etat.tri) { tri.value = etat.tri; }
    var corps = racine.querySelector("tbody"), compte = racine.querySelector(".cd-compte"), plus = racine.querySelector(".cd-plus");

    // The rest of a large set: one <script> tag (works over file://), then what was asked meanwhile.
    function charger() {
      if (complet || chargement) { return; }
      chargement = true;
      var s = document.createElement("script");
      s.src = base + "assets/catalogue/" + D.suite;
      s.onload = function () {
        lignes = decoder(window.CD_SUITE, jeu, ordre);
        rangs = {};
        complet = true;
        if (enAttente) { var f = enAttente; enAttente = null; f(); }
      };
      s.onerror = function () { compte.textContent = "Les " + jeu.nom[1] + " n'ont pas pu être chargés : rechargez la page."; };
      document.body.appendChild(s);
    }
    function demander(f) {
      if (complet) { f(); return; }
      enAttente = f;
      compte.textContent = "Chargement des " + D.total + " " + jeu.nom[1] + "…";
      charger();
    }

    function filtre(cle) { return jeu.filtres.filter(function (x) { return x[0] === cle; })[0]; }
    function choix() {
      var c = {};
      selects.forEach(function (s) { var v = s.value || etat[s.dataset.nom]; if (v) { c[s.dataset.cle] = v; } });
      return c;
    }
    function garde(r, c, sauf) {
      for (var k in c) { if (k !== sauf && a(r[k]).indexOf(c[k]) < 0 && !(r.tous && GEO[k])) { return false; } }
      return true;
    }
    // Each query term against each distinct term of the records, once (terms are shared strings).
    function texte(r, q, memo) {
      return q.every(function (t, k) {
        return r.x.some(function (w) {
          var v = memo[k].get(w);
          if (v === undefined) { v = w.indexOf(t) === 0 || (t.length >= A.FAUTE_MIN && A.aUneFaute(t, w)); memo[k].set(w, v); }
          return v;
        });
      });
    }
    function options(s, n, tous) {
      var f = filtre(s.dataset.cle), noms = L[f[3]], actuel = s.value || etat[s.dataset.nom] || "";
      var frag = document.createDocumentFragment();
      frag.appendChild(el("option", "Tous (" + tous + ")", { value: "" }));
      ordre[f[3]].forEach(function (id) {
        if (n[id] || id === actuel) { frag.appendChild(el("option", noms[id] + " (" + (n[id] || 0) + ")", { value: id })); }
      });
      s.textContent = "";
      s.appendChild(frag);
      s.value = actuel;
    }
    function afficher(res, total, nombre) {  // nombre: how many match (more than res before the rest is loaded)
      nombre = nombre || res.length;
      compte.textContent = nombre + " " + jeu.nom[nombre > 1 ? 1 : 0] + " sur " + total;
      var frag = document.createDocumentFragment();
      res.slice(0, max).forEach(function (r) {
        var tr = el("tr");
        jeu.ligne(r, L, base).forEach(function (td) { tr.appendChild(td); });
        frag.appendChild(tr);
      });
      corps.textContent = "";
      corps.appendChild(frag);
      plus.hidden = nombre <= max;
    }
    // Sort: the data's own order for the first key; for the others, the French order of their distinct
    // values (computed once per key), then the data's order.
    function trier(res) {
      var cleTri = jeu.tris.filter(function (t) { return t[0] === tri.value; })[0] || jeu.tris[0];
      if (cleTri === jeu.tris[0]) { return res.sort(function (x, y) { return x.i - y.i; }); }
      if (!rangs[cleTri[0]]) {
        var vus = {}, m = {};
        lignes.forEach(function (r) { vus[cleTri[2](r, L)] = true; });
        Object.keys(vus).sort(comparer).forEach(function (v, i) { m[v] = i; });
        rangs[cleTri[0]] = m;
      }
      var rg = rangs[cleTri[0]];
      return res.sort(function (x, y) { return rg[cleTri[2](x, L)] - rg[cleTri[2](y, L)] || x.i - y.i; });
    }
    // First display of a large set, before the rest is loaded: the options' counts come with the data.
    function premier() {
      selects.forEach(function (s) {
        var n = {}, f = filtre(s.dataset.cle);
        D.comptes[s.dataset.cle].forEach(function (c, i) { n[ordre[f[3]][i]] = c; });
        options(s, n, D.total);
      });
      courant = lignes;
      afficher(lignes, D.total, D.total);
    }
    function maj(remplir) {
      var c = choix(), q = mots(champ.value), memo = q.map(function () { return new Map(); });
      var parTexte = q.length ? lignes.filter(function (r) { return texte(r, q, memo); }) : lignes;
      selects.forEach(function (s) {  // live counts: what each option would give with the other filters
        var cle = s.dataset.cle, n = {}, tous = 0, o = ordre[filtre(cle)[3]];
        parTexte.forEach(function (r) {
          if (!garde(r, c, cle)) { return; }
          tous++;
          (r.tous && GEO[cle] ? o : a(r[cle])).forEach(function (v) { n[v] = (n[v] || 0) + 1; });
        });
        options(s, n, tous);
      });
      etat = {};
      c = choix();
      var res = trier(parTexte.filter(function (r) { return garde(r, c); }));
      courant = res;
      afficher(res, lignes.length);
      var h = new URLSearchParams();
      if (champ.value) { h.set("q", champ.value); }
      selects.forEach(function (s) { if (s.value) { h.set(s.dataset.nom, s.value); } });
      if (tri.value !== jeu.tris[0][0]) { h.set("tri", tri.value); }
      var hash = h.toString();
      if (remplir !== false && ("#" + hash) !== window.location.hash && !(hash === "" && window.location.hash === "")) {
        history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
      }
    }
    function majDemandee() { demander(maj); }
    var minuteur;
    racine.addEventListener("focusin", charger);  // the reader is about to filter: fetch the rest now
    racine.addEventListener("pointerdown", charger);
    champ.addEventListener("input", function () { clearTimeout(minuteur); minuteur = setTimeout(majDemandee, 120); });
    selects.forEach(function (s) { s.addEventListener("change", majDemandee); });
    tri.addEventListener("change", majDemandee);
    racine.querySelector(".cd-csv").addEventListener("click", function () {
      demander(function () {
        maj(false);  // the selection over every record (the first display only had the first ones)
        telecharger(racine.dataset.jeu + "-selection.csv", jeu.csvColonnes, courant.map(function (r) { return jeu.csv(r, L, base); }));
      });
    });
    racine.querySelector(".cd-imprimer").addEventListener("click", function () {
      demander(function () {
        maj(false);
        var avant = max;
        max = courant.length;  // print the whole selection, not only the first rows shown
        maj(false);
        window.print();
        max = avant;
        maj(false);
      });
    });
    racine.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { champ.value = ""; selects.forEach(function (s) { s.value = ""; }); tri.value = jeu.tris[0][0]; demander(maj); }, 0);
    });
    racine.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    plus.addEventListener("click", function () { demander(function () { max += page; maj(false); }); });
    window.addEventListener("hashchange", function () {
      etat = lire(); champ.value = etat.q || ""; selects.forEach(function (s) { s.value = ""; }); demander(function () { maj(false); });
    });
    if (!complet && !Object.keys(etat).length) { premier(); } else { demander(function () { maj(false); }); }
  }
  function demarrer() { Array.prototype.forEach.call(document.querySelectorAll(".cd-explorateur"), monter); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", demarrer); } else { demarrer(); }
})();
