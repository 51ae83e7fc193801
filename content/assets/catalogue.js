/* Petits compléments d'accessibilité (code du projet) : un tableau plus large que la
   page défile horizontalement ; sa zone de défilement doit être atteignable au clavier. */
(function () {
  "use strict";
  function regler() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (zone) {
      if (zone.scrollWidth > zone.clientWidth && !zone.hasAttribute("tabindex")) {
        zone.tabIndex = 0;
        zone.setAttribute("role", "region");
        zone.setAttribute("aria-label", "Tableau à faire défiler horizontalement");
      }
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(regler); } else { window.addEventListener("load", regler); }
})();
