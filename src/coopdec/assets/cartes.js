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

  // Region shapes (France map): a polygon per region, overseas in framed insets, and its
  // name as a visible link (built with textContent: data never becomes HTML here).
  function dessinerRegions(map, regions) {
    regions.forEach(function (r) {
      if (r.inset) {
        L.rectangle(r.inset, { interactive: false, color: "#90a4ae", weight: 1, fillColor: "#ffffff", fillOpacity: 1 }).addTo(map);
      }
    });
    regions.forEach(function (r) {
      var rings = r.rings.map(function (ring) { return ring.map(function (p) { return [p[1], p[0]]; }); });
      var forme = L.polygon(rings, { color: "#ffffff", weight: 1, fillColor: r.colour, fillOpacity: 0.9 }).addTo(map);
      forme.bindTooltip(texte(r.title), { sticky: true });
      forme.on("click", function () { ouvrir(r.url); });
      var a = document.createElement("a");
      a.className = "cd-etiquette";
      a.href = r.url;
      a.target = "_top";
      a.title = r.title;
      a.textContent = r.label;
      L.marker(r.anchor, { icon: L.divIcon({ html: a, className: "cd-icone-etiquette", iconSize: null }), keyboard: false }).addTo(map);
    });
  }

  // Legend: a box in a corner; on a narrow map it is folded (a <details>) so it never hides the map.
  function legende(map, entrees) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var boite = L.DomUtil.create("details", "cd-legende");
      var titre = document.createElement("summary");
      titre.textContent = "Légende";
      boite.appendChild(titre);
      entrees.forEach(function (l) {
        var ligne = document.createElement("span");
        var pastille = document.createElement("i");
        pastille.style.background = l[0];
        ligne.appendChild(pastille);
        ligne.appendChild(document.createTextNode(l[1]));
        boite.appendChild(ligne);
      });
      boite.open = map.getSize().x >= 900;  // open only when it leaves most of the map visible
      L.DomEvent.disableClickPropagation(boite);
      return boite;
    };
    control.addTo(map);
  }

  // Fit the zone again once the page has its final size, and when the window changes size:
  // a map created before its CSS applied would otherwise keep a clipped, off-centre view.
  function recadrer(map, bounds) {
    function ajuster() {
      map.invalidateSize({ animate: false });
      if (bounds) { map.fitBounds(bounds, { padding: [8, 8], animate: false }); }
      // A full view reset re-projects every shape: without it, shapes added right after the
      // first fitBounds keep the clip of the first view (their southern part went missing).
      map.setView(map.getCenter(), map.getZoom(), { reset: true });
    }
    if (document.readyState === "complete") { ajuster(); } else { window.addEventListener("load", ajuster); }
    var attente;
    window.addEventListener("resize", function () { clearTimeout(attente); attente = setTimeout(ajuster, 150); });
  }

  window.cdCarte = function (map, spec) {
    var pays = spec.countries || {};
    // Background: every country, not interactive. Then the catalogue's countries, as links.
    if (spec.fond !== false) {
      L.geoJSON(window.CD_FOND, {
        interactive: false,
        style: function () { return { color: "#ffffff", weight: 0.5, fillColor: "#eceff1", fillOpacity: 1 }; }
      }).addTo(map);
    }
    dessinerRegions(map, spec.regions || []);
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
    if (spec.legend && spec.legend.length) { legende(map, spec.legend); }
    // Zoomed far out (the world map on a phone), countries are a few pixels wide: small dots
    // keep them visible under their links instead of covering Africa and Europe.
    function serrer() { map.getContainer().classList.toggle("cd-serre", map.getZoom() < 2); }
    map.on("zoomend", serrer);
    serrer();
    recadrer(map, spec.bounds);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Fond de carte : Natural Earth (domaine public)" +
      ((spec.markers || []).length ? " ; positions des villes saisies par l'équipe éditoriale" : ""));
  };
})();
