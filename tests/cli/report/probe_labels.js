(function () {
  // The map's labels as Chromium drew them: how many, and how many pairs overlap.
  var boxes = [];
  document.querySelectorAll('#map g.labels text').forEach(function (t) { boxes.push(t.getBoundingClientRect()); });
  var overlaps = 0;
  for (var i = 0; i < boxes.length; i++)
    for (var k = i + 1; k < boxes.length; k++) {
      var a = boxes[i], b = boxes[k];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    }
  var zones = document.querySelectorAll('#map g.functional_zones path');
  var titled = 0, fills = {};
  zones.forEach(function (p) { if (p.querySelector('title') && p.querySelector('title').textContent) titled++; fills[p.getAttribute('fill')] = 1; });
  document.body.setAttribute('data-probe', JSON.stringify({labels: boxes.length, overlaps: overlaps, zones: zones.length, titled: titled,
                                                           fills: Object.keys(fills)}));
})();
