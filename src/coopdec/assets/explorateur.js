/* Explorateur du catalogue (code du projet) : filtres combinés sur les
   programmes ou les contacts, texte analysé comme la recherche du site (CDAnalyse,
   assets/analyse.js, placé en tête de ce fichier à la construction),
   compteurs en direct, état des filtres dans l'adresse (#…) pour partager une
   vue. Données : window.CD_DONNEES (assets/catalogue/donnees-programmes.js ou donnees-contacts.js). */
(function () {
  "use strict";
  var A = window.CDAnalyse;
  function mots(s) { return A.termesRequete(s); }

  var JEUX = {
    programmes: {
      nom: ["programme", "programmes"],
      filtres: [["th", "thematique", "Thématique", "themes"], ["z", "zone", "Géographie", "zones"],
                ["p", "pays", "Pays", "pays"], ["g", "genre", "Type de programme", "genres"],
                ["o", "odd", "ODD", "odd"], ["po", "porteur", "Porteur", "organisations"]],
      colonnes: ["Programme", "Type", "Destination"],
      ligne: function (r, L, base) {
        return ["<a href=\"" + base + "programmes/" + r.id + ".html\">" + esc(r.t) + "</a>", esc(L.genres[r.g]),
                esc(r.d) + (r.tous ? '<br><span class="cd-tous">Sans pays précis dans la source : retenu pour toute géographie</span>' : "")];
      },
      // Sort keys and CSV columns: plain values, never HTML.
      tris: [["titre", "Titre", function (r) { return r.t; }], ["type", "Type", function (r, L) { return L.genres[r.g]; }],
             ["destination", "Destination", function (r) { return r.d; }]],
      csv: function (r, L, base) {
        return [r.t, L.genres[r.g], r.d, r.tous ? "oui" : "non", r.po.map(function (o) { return L.organisations[o] || o; }).join(" ; "),
                new URL(base + "programmes/" + r.id + ".html", window.location.href).href];
      },
      csvColonnes: ["programme", "type", "destination", "ouvert_a_tous_les_pays", "porteurs", "adresse"]
    },
    contacts: {
      nom: ["contact", "contacts"],
      filtres: [["or", "organisation", "Organisation", "organisations"], ["z", "zone", "Géographie", "zones"],
                ["p", "pays", "Pays", "pays"], ["th", "thematique", "Thématique", "themes"], ["r", "region", "Région française", "regions"]],
      colonnes: ["Contact", "Organisation", "E-mail"],
      ligne: function (r, L, base) {
        return ["<a href=\"" + base + "contacts/" + r.id + ".html\">" + esc(r.n) + "</a>" + (r.f && r.n.indexOf(r.f) < 0 ? "<br><small>" + esc(r.f) + "</small>" : ""),
                "<a href=\"" + base + "organisations/" + r.or + ".html\">" + esc(L.organisations[r.or] || r.or) + "</a>",
                "<a href=\"mailto:" + esc(r.e) + "\">" + esc(r.e) + "</a>"];
      },
      tris: [["nom", "Nom", function (r) { return r.n; }], ["organisation", "Organisation", function (r, L) { return L.organisations[r.or] || r.or; }]],
      csv: function (r, L) { return [r.n, r.f, L.organisations[r.or] || r.or, r.e]; },
      csvColonnes: ["contact", "fonction", "organisation", "email"]
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
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
  function a(v) { return Array.isArray(v) ? v.map(String) : [String(v)]; }

  function lire() {
    var etat = {};
    new URLSearchParams(window.location.hash.replace(/^#/, "")).forEach(function (v, k) { etat[k] = v; });
    return etat;
  }

  function monter(racine) {
    var D = window.CD_DONNEES, jeu = JEUX[racine.dataset.jeu];
    if (!D || !jeu) { return; }
    var base = racine.dataset.base || "", L = D.labels, lignes = D[racine.dataset.jeu], etat = lire();
    var max = 200;
    var html = '<form class="cd-filtres" role="search" aria-label="Filtrer les ' + jeu.nom[1] + '">';
    html += '<p><label for="cd-q">Texte (sans accents possible)</label><input id="cd-q" type="search" autocomplete="off" value="' + esc(etat.q || "") + '"></p>';
    jeu.filtres.forEach(function (f) {
      html += '<p><label for="cd-' + f[1] + '">' + f[2] + '</label><select id="cd-' + f[1] + '" data-cle="' + f[0] + '" data-nom="' + f[1] + '"></select></p>';
    });
    html += '<p><label for="cd-tri">Trier par</label><select id="cd-tri" class="cd-tri">' + jeu.tris.map(function (t) {
      return '<option value="' + t[0] + '">' + t[1] + "</option>"; }).join("") + "</select></p>";
    html += '<p><button type="reset" class="md-button">Tout effacer</button></p></form>';
    html += '<p class="cd-actions"><button type="button" class="md-button cd-csv">Télécharger la sélection (CSV)</button> ' +
      '<button type="button" class="md-button cd-imprimer">Imprimer la sélection</button></p>';
    html += '<p class="cd-compte" role="status" aria-live="polite"></p>';
    html += '<div class="cd-resultats"><table><thead><tr>' + jeu.colonnes.map(function (c) { return "<th scope=\"col\">" + c + "</th>"; }).join("") + '</tr></thead><tbody></tbody></table></div>';
    html += '<p><button type="button" class="md-button cd-plus" hidden>Afficher plus</button></p>';
    racine.innerHTML = html;
    var champ = racine.querySelector("#cd-q"), selects = Array.prototype.slice.call(racine.querySelectorAll("select[data-cle]"));
    var tri = racine.querySelector("#cd-tri"), courant = [];
    if (etat.tri) { tri.value = etat.tri; }
    var corps = racine.querySelector("tbody"), compte = racine.querySelector(".cd-compte"), plus = racine.querySelector(".cd-plus");

    function choix() {
      var c = {};
      selects.forEach(function (s) { var v = s.value || etat[s.dataset.nom]; if (v) { c[s.dataset.cle] = v; } });
      return c;
    }
    function garde(r, c, sauf) {
      for (var k in c) { if (k !== sauf && a(r[k]).indexOf(c[k]) < 0 && !(r.tous && GEO[k])) { return false; } }
      return true;
    }
    function texte(r, q) {
      if (!q.length) { return true; }
      var m = r.x.split(" ");  // termes de la fiche, analysés à la construction par coopdec.search.analysis
      return q.every(function (t) {
        return m.some(function (w) { return w.indexOf(t) === 0 || (t.length >= A.FAUTE_MIN && A.aUneFaute(t, w)); });
      });
    }
    function maj(remplir) {
      var c = choix(), q = mots(champ.value);
      var parTexte = lignes.filter(function (r) { return texte(r, q); });
      selects.forEach(function (s) {  // live counts: what each option would give with the other filters
        var cle = s.dataset.cle, n = {};
        var f = jeu.filtres.filter(function (x) { return x[0] === cle; })[0], noms = L[f[3]], actuel = s.value || etat[s.dataset.nom] || "";
        var ordre = (D.ordre && D.ordre[f[3]]) || Object.keys(noms);
        parTexte.forEach(function (r) {
          if (!garde(r, c, cle)) { return; }
          (r.tous && GEO[cle] ? ordre : a(r[cle])).forEach(function (v) { n[v] = (n[v] || 0) + 1; });
        });
        var opts = '<option value="">Tous (' + parTexte.filter(function (r) { return garde(r, c, cle); }).length + ')</option>';
        ordre.forEach(function (id) {
          if (n[id] || id === actuel) { opts += '<option value="' + esc(id) + '">' + esc(noms[id]) + " (" + (n[id] || 0) + ")</option>"; }
        });
        s.innerHTML = opts;
        s.value = actuel;
      });
      etat = {};
      var res = parTexte.filter(function (r) { return garde(r, choix()); });
      var cleTri = jeu.tris.filter(function (t) { return t[0] === tri.value; })[0] || jeu.tris[0];
      res.sort(function (x, y) { return comparer(cleTri[2](x, L), cleTri[2](y, L)) || comparer(jeu.tris[0][2](x, L), jeu.tris[0][2](y, L)); });
      courant = res;
      compte.textContent = res.length + " " + jeu.nom[res.length > 1 ? 1 : 0] + " sur " + lignes.length;
      corps.innerHTML = res.slice(0, max).map(function (r) {
        return "<tr>" + jeu.ligne(r, L, base).map(function (c) { return "<td>" + c + "</td>"; }).join("") + "</tr>";
      }).join("");
      plus.hidden = res.length <= max;
      var h = new URLSearchParams();
      if (champ.value) { h.set("q", champ.value); }
      selects.forEach(function (s) { if (s.value) { h.set(s.dataset.nom, s.value); } });
      if (tri.value !== jeu.tris[0][0]) { h.set("tri", tri.value); }
      var hash = h.toString();
      if (remplir !== false && ("#" + hash) !== window.location.hash && !(hash === "" && window.location.hash === "")) {
        history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
      }
    }
    var minuteur;
    champ.addEventListener("input", function () { clearTimeout(minuteur); minuteur = setTimeout(maj, 120); });
    selects.forEach(function (s) { s.addEventListener("change", maj); });
    tri.addEventListener("change", maj);
    racine.querySelector(".cd-csv").addEventListener("click", function () {
      telecharger(racine.dataset.jeu + "-selection.csv", jeu.csvColonnes, courant.map(function (r) { return jeu.csv(r, L, base); }));
    });
    racine.querySelector(".cd-imprimer").addEventListener("click", function () {
      var avant = max;
      max = courant.length;  // print the whole selection, not only the first rows shown
      maj(false);
      window.print();
      max = avant;
      maj(false);
    });
    racine.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { champ.value = ""; selects.forEach(function (s) { s.value = ""; }); tri.value = jeu.tris[0][0]; maj(); }, 0);
    });
    racine.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    plus.addEventListener("click", function () { max += 200; maj(false); });
    window.addEventListener("hashchange", function () { etat = lire(); champ.value = etat.q || ""; selects.forEach(function (s) { s.value = ""; }); maj(false); });
    maj(false);
  }
  function demarrer() { Array.prototype.forEach.call(document.querySelectorAll(".cd-explorateur"), monter); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", demarrer); } else { demarrer(); }
})();
