(function () {
  var r = {width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth};
  var rows = document.querySelectorAll('.bar-row');
  r.bars = rows.length;
  r.narrowBars = 0;
  rows.forEach(function (row) { var b = row.querySelector('.bar'); if (b.getBoundingClientRect().width < 200) r.narrowBars++; });
  r.barColumns = rows.length ? getComputedStyle(rows[0]).gridTemplateColumns : '';
  r.rowBreak = getComputedStyle(document.querySelector('tr')).breakInside;
  r.tablesWrapped = 0; r.tables = 0;
  document.querySelectorAll('table').forEach(function (t) { r.tables++; if (t.parentElement.classList.contains('table-wrap') && getComputedStyle(t.parentElement).overflowX === 'auto') r.tablesWrapped++; });
  r.unmeasurable = 0; r.unmeasurableShown = 0;
  document.querySelectorAll('ul.unmeasurable li').forEach(function (li) { r.unmeasurable++; if (li.getBoundingClientRect().height > 0) r.unmeasurableShown++; });
  r.details = document.querySelectorAll('details').length;
  r.pageRule = '';
  for (var i = 0; i < document.styleSheets.length; i++) {
    var rules = document.styleSheets[i].cssRules;
    for (var k = 0; k < rules.length; k++) if (rules[k].type === CSSRule.PAGE_RULE) r.pageRule = rules[k].cssText;
  }
  r.printRules = '';
  for (var i2 = 0; i2 < document.styleSheets.length; i2++) {
    var rs = document.styleSheets[i2].cssRules;
    for (var k2 = 0; k2 < rs.length; k2++) if (rs[k2].media && rs[k2].media.mediaText === 'print') r.printRules = rs[k2].cssText;
  }
  document.body.setAttribute('data-probe', JSON.stringify(r));
})();
