/* Dessin des cartes du catalogue (code du projet). Chaque carte HTML appelle
   cdCarte(map, spec) ; le fond de carte partagé est window.CD_FOND (fond.js).
   Pays et points sont de vrais liens (clavier : Tab puis Entrée) qui ouvrent
   la fiche dans la page principale, pas dans le cadre de la carte. */
(function () {
  "use strict";

  function ouvrir(url) {
    var cible = new URL(url, window.location.href).href;
    (window.top || window).location.href = cible;
  }

  // Names come from the editors' data: they only ever become text (textContent,
  // attributes set one by one), never HTML. Leaflet's tooltips and icons accept
  // an element, which we build ourselves.
  function texte(libelle) {
    var span = document.createElement("span");
    span.textContent = libelle;
    return span;
  }

  function lien(url, libelle, classe) {
    var a = document.createElement("a");
    a.className = classe;
    a.href = url;
    a.target = "_top";
    a.title = libelle;
    var nom = texte(libelle);
    nom.className = "cd-invisible";
    a.appendChild(nom);
    return L.divIcon({ html: a, className: "cd-icone", iconSize: [14, 14], iconAnchor: [7, 7] });
  }

  window.cdCarte = function (map, spec) {
    var pays = spec.countries || {};
    // Background: every country, not interactive. Then the catalogue's countries, as links.
    L.geoJSON(window.CD_FOND, {
      interactive: false,
      style: function () { return { color: "#ffffff", weight: 0.5, fillColor: "#eceff1", fillOpacity: 1 }; }
    }).addTo(map);
    L.geoJSON(window.CD_FOND, {
      filter: function (f) { return Boolean(pays[f.properties.iso3]); },
      style: function (f) {
        return { color: "#ffffff", weight: 1, fillColor: pays[f.properties.iso3].colour, fillOpacity: 0.85 };
      },
      onEachFeature: function (f, couche) {
        var p = pays[f.properties.iso3];
        couche.bindTooltip(texte(p.label), { sticky: true });
        couche.on("click", function () { ouvrir(p.url); });
      }
    }).addTo(map);
    Object.keys(pays).sort().forEach(function (iso3) {
      var p = pays[iso3];
      if (p.anchor) {
        L.marker(p.anchor, { icon: lien(p.url, p.label, "cd-lien-pays"), keyboard: false, title: p.label }).addTo(map);
      }
    });
    (spec.markers || []).forEach(function (m) {
      L.marker([m.lat, m.lon], { icon: lien(m.url, m.label, "cd-lien-point"), keyboard: false, title: m.label }).addTo(map);
    });
    if (spec.legend && spec.legend.length) {
      var legende = L.control({ position: "bottomleft" });
      legende.onAdd = function () {
        var div = L.DomUtil.create("div", "cd-legende");
        spec.legend.forEach(function (l) {
          var ligne = texte(l[1]), pastille = document.createElement("i");
          pastille.style.background = l[0];
          ligne.insertBefore(pastille, ligne.firstChild);
          div.appendChild(ligne);
        });
        return div;
      };
      legende.addTo(map);
    }
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Fond de carte : Natural Earth (domaine public)" +
      ((spec.markers || []).length ? " ; positions des villes saisies par l'équipe éditoriale" : ""));
  };
})();
