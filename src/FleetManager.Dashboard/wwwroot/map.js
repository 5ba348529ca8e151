// FleetManager dashboard: draws the lanes of #map (data from its data-source URL) with Leaflet.
// Tiles come from data-tiles; when they cannot load (no network) the vendored country outlines are drawn instead.
// Every text from an order reaches the page as a text node, never as markup. The page lists the lanes without it.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value || '';
    if (className) { node.className = className; }
    return node;
  }

  function escapeHtml(value) {
    return String(value || '').replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function popup(lane, stop) {
    var box = document.createElement('div');
    var link = text('a', 'Order ' + lane.id + (lane.reference ? ' · ' + lane.reference : ''));
    link.href = '/orders/' + encodeURIComponent(lane.id);
    box.appendChild(link);
    if (lane.customer) { box.appendChild(text('div', lane.customer)); }
    if (stop) { box.appendChild(text('div', stop.type + ': ' + stop.place)); }
    box.appendChild(text('div', lane.status, 'meta'));
    return box;
  }

  var map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([50, 12], 4);
  var outlines = false;
  function showOutlines() {
    if (outlines) { return; }
    outlines = true;
    fetch('/static/europe-110m.geojson', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        L.geoJSON(geo, {
          interactive: false,
          style: { color: '#7a8899', weight: 1, fillColor: '#eef1f4', fillOpacity: 1, className: 'outline' }
        }).addTo(map).bringToBack();
        map.attributionControl.addAttribution('Outlines: Natural Earth');
        el.setAttribute('data-outlines', 'shown');
      });
  }

  var tiles = el.getAttribute('data-tiles');
  if (tiles) {
    var layer = L.tileLayer(tiles, { maxZoom: 18, attribution: escapeHtml(el.getAttribute('data-attribution')) });
    layer.on('tileerror', showOutlines);
    layer.addTo(map);
  } else {
    showOutlines();
  }

  fetch(el.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (doc) {
      var bounds = [];
      doc.lanes.forEach(function (lane) {
        var points = lane.stops.map(function (s) { return [s.lat, s.lon]; });
        if (points.length > 1) {
          L.polyline(points, { color: '#0b5cad', weight: 3, opacity: 0.7, className: 'lane' }).bindPopup(popup(lane)).addTo(map);
        }
        lane.stops.forEach(function (s) {
          L.circleMarker([s.lat, s.lon], {
            radius: 5, weight: 2, fillOpacity: 0.9,
            color: s.type === 'loading' ? '#1a7f37' : '#b3261e',
            className: 'stop stop-' + s.type
          }).bindPopup(popup(lane, s)).addTo(map);
          bounds.push([s.lat, s.lon]);
        });
      });
      if (bounds.length > 0) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 8 }); }
      el.setAttribute('data-lanes', String(doc.lanes.length));
    });
})();
