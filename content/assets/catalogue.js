/* Petits compléments d'accessibilité (code du projet).
   1. Sur un écran étroit, chaque ligne d'un tableau devient une fiche : les cellules
      s'empilent, précédées du titre de leur colonne (data-label, écrit ici avec
      setAttribute depuis le texte des en-têtes, jamais du HTML). Sans script, le
      tableau reste dans sa zone de défilement.
   2. Un tableau encore plus large que la page défile horizontalement ; sa zone de
      défilement doit être atteignable au clavier. */
(function () {
  "use strict";
  function empiler() {
    document.querySelectorAll(".md-typeset table:not([data-cd-empile]):not(.cd-garder)").forEach(function (table) {
      var titres = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      if (!titres.length) { return; }
      // A two-column table is a list of « rubrique : détail » pairs: its first cell already names the row.
      var paires = titres.length <= 2;
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (cellule, i) {
          if (titres[i] && !paires) { cellule.setAttribute("data-label", titres[i]); }
        });
      });
      table.setAttribute("data-cd-empile", paires ? "paires" : "");
    });
  }
  function regler() {
    empiler();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (zone) {
      if (zone.scrollWidth > zone.clientWidth && !zone.hasAttribute("tabindex")) {
        zone.tabIndex = 0;
        zone.setAttribute("role", "region");
        zone.setAttribute("aria-label", "Tableau à faire défiler horizontalement");
      }
    });
  }
  // 3. Maps on demand: the link « Afficher la carte interactive » becomes the map's frame, which takes
  //    the focus (keyboard: Tab then goes through the map's links). Without script, the link opens the map.
  function cartes() {
    document.querySelectorAll("a.cd-carte-ouvrir").forEach(function (lien) {
      if (lien.dataset.cdPret) { return; }
      lien.dataset.cdPret = "1";
      lien.addEventListener("click", function (e) {
        e.preventDefault();
        var cadre = document.createElement("iframe");
        cadre.src = lien.getAttribute("href");
        cadre.title = lien.dataset.titre;
        lien.parentNode.replaceChild(cadre, lien);
        cadre.focus();
      });
    });
  }
  window.cdEmpiler = empiler;
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(regler); } else { window.addEventListener("load", regler); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", cartes); } else { cartes(); }
})();
