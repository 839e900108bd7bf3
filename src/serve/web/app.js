// SPDX-License-Identifier: MIT
// The 一张图 page of `zoning serve`. Its only backend is the API of docs/serve-api.md; the map is
// drawn in the store's own CRS (proj4 definition from /api/layers), never in Web Mercator.
'use strict';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
const W = {
  zh: {
    search: '搜索', searchPlaceholder: '名称或编号', measureLength: '测距', measureArea: '测面', checkDraw: '选址检查（画范围）',
    other: 'English', tree: '图层', identify: '查询', searchResults: '搜索结果', targets: '指标', conflicts: '冲突', coverage: '覆盖',
    check: '选址检查', name: '名称', landuse: '用地代码', category: '项目类别', far: '容积率', height: '建筑高度（米）', density: '建筑密度（0–1）',
    green: '绿地率（0–1）', upload: '或上传范围（GeoJSON / 界址点TXT）', crs: '上传文件的坐标系（文件未声明时）', submit: '检查', pdf: '下载审查意见PDF',
    checkHint: '在地图上画出项目范围，或上传文件，再填写用地与控规指标。', noHits: '无结果', attributes: '属性', landuseMix: '用地构成',
    relatedConflicts: '相关冲突', none: '无', verdict: { pass: '通过', needs_review: '需复核', conflict: '冲突' }, area: '面积', share: '占比',
    frames: '所在范围', projectsHit: '重叠项目', rulesHit: '触发规则', reviewReasons: '复核事项', length: '长度', illustrative: '示意数据',
    status: { met: '已达成', behind: '滞后', overdue: '逾期', off_target: '偏离', not_measurable: '数据无法测算', no_data: '无数据' },
    level: { achieved: '达成', on_track: '正常', behind: '滞后', severely_behind: '严重滞后', overdue: '逾期' }, levelWord: '进度',
    fields: { id: '编号', name_en: '英文名称' },
    north: '坐标北', frame: '范围', topLanduse: '主要用地', drawFirst: '请先在地图上画出范围或选择文件', noLanduse: '请填写用地代码',
  },
  en: {
    search: 'Search', searchPlaceholder: 'name or id', measureLength: 'Measure distance', measureArea: 'Measure area', checkDraw: 'Check a site (draw)',
    other: '中文', tree: 'Layers', identify: 'Identify', searchResults: 'Results', targets: 'Targets', conflicts: 'Conflicts', coverage: 'Coverage',
    check: 'Site check', name: 'Name', landuse: 'Land-use code', category: 'Category', far: 'FAR', height: 'Height (m)', density: 'Density (0–1)',
    green: 'Green ratio (0–1)', upload: 'or upload a site (GeoJSON / boundary-point TXT)', crs: 'CRS of the uploaded file (when it declares none)', submit: 'Check', pdf: 'Download review PDF',
    checkHint: 'Draw the site on the map or upload a file, then give its land use and control figures.', noHits: 'No results', attributes: 'Attributes',
    landuseMix: 'Land use', relatedConflicts: 'Conflicts', none: 'none', verdict: { pass: 'pass', needs_review: 'needs review', conflict: 'conflict' },
    area: 'Area', share: 'Share', frames: 'Lies in', projectsHit: 'Overlapping projects', rulesHit: 'Rules triggered', reviewReasons: 'To review',
    status: { met: 'met', behind: 'behind', overdue: 'overdue', off_target: 'off target', not_measurable: 'not measurable from the data', no_data: 'no data' },
    level: { achieved: 'achieved', on_track: 'on track', behind: 'behind', severely_behind: 'severely behind', overdue: 'overdue' }, levelWord: 'level',
    fields: { id: 'id', name_en: 'English name' },
    length: 'Length', illustrative: 'illustrative data', north: 'grid north', frame: 'Frame', topLanduse: 'Main land use',
    drawFirst: 'Draw the site on the map or choose a file first', noLanduse: 'Give the land-use code',
  },
}[lang];
const api = (path) => path + (path.includes('?') ? '&' : '?') + 'lang=' + lang;
const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const fmtArea = (m2) => (lang === 'zh' ? (m2 / 10000).toFixed(2) + ' 公顷' : (m2 / 10000).toFixed(2) + ' ha');
const pct = (x) => (100 * x).toFixed(1) + '%';
const MM = 96 / 25.4;  // CSS pixels per millimetre: the catalog's widths are QGIS millimetres

async function getJson(url, options) {
  const r = await fetch(url, options);
  const body = await r.json().catch(() => ({ error: r.status + ' ' + r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function rgba(hex, opacity) {
  const n = parseInt((hex || '#9e9e9e').slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${opacity})`;
}

/// An OpenLayers style function drawing a layer as the QGIS export does (one source: the catalog's [style]).
function styleFunction(layer) {
  const st = layer.style;
  const byValue = new Map(st.categories.map((c) => [c.value, c]));
  const cache = new Map();
  const line = layer.geometry === 'line';
  return (feature) => {
    const value = st.renderer === 'single' ? '' : String(feature.get(st.attribute) ?? '');
    const cat = st.renderer === 'single' ? null : byValue.get(value) || byValue.get('');
    const colour = cat ? cat.color : st.color;
    const label = st.label ? String(feature.get(st.label) ?? '') : '';
    const key = value + '\u0001' + label;
    if (cache.has(key)) return cache.get(key);
    const width = Math.max(1, st.width_mm * MM);
    let s;
    if (line) {
      s = new ol.style.Style({ stroke: new ol.style.Stroke({ color: colour, width, lineDash: st.line_style === 'dash' ? [8, 5] : st.line_style === 'dot' ? [2, 4] : undefined }) });
    } else {
      const outline = cat ? cat.outline : st.outline;
      const fillOpacity = st.fill_opacity <= 0 || st.fill_style === 'no' ? 0 : st.fill_style === 'solid' ? st.fill_opacity : 0.35;
      s = new ol.style.Style({
        fill: fillOpacity > 0 ? new ol.style.Fill({ color: rgba(colour, fillOpacity) }) : undefined,
        stroke: new ol.style.Stroke({ color: outline, width }),
      });
    }
    if (label) {
      s.setText(new ol.style.Text({ text: label, font: `${Math.round(st.label_size * 1.33)}px "Noto Sans CJK SC", sans-serif`,
        fill: new ol.style.Fill({ color: '#212121' }), stroke: new ol.style.Stroke({ color: '#fff', width: 3 }), overflow: line,
        placement: line ? 'line' : 'point' }));
    }
    cache.set(key, s);
    return s;
  };
}

const state = { layers: new Map(), meta: null, report: null, map: null, highlight: null, drawn: null, interaction: null, drawEnded: 0, landuseNames: new Map() };

function setTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === name));
}

function fitBbox(bbox) {
  if (!bbox) return;
  const pad = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]) * 0.3 + 50;
  state.map.getView().fit([bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad], { duration: 0 });
}

function unionBbox(boxes) {
  const b = boxes.filter(Boolean);
  if (!b.length) return null;
  return [Math.min(...b.map((x) => x[0])), Math.min(...b.map((x) => x[1])), Math.max(...b.map((x) => x[2])), Math.max(...b.map((x) => x[3]))];
}

const geojson = () => new ol.format.GeoJSON({ dataProjection: state.meta.crs, featureProjection: state.meta.crs });

/// Draws GeoJSON geometries on the highlight layer (replacing what was there).
function highlight(geometries, colour) {
  const src = state.highlight.getSource();
  src.clear();
  state.highlight.setStyle(new ol.style.Style({ stroke: new ol.style.Stroke({ color: colour || '#ff1744', width: 3 }), fill: new ol.style.Fill({ color: rgba(colour || '#ff1744', 0.15) }) }));
  for (const g of geometries) if (g) src.addFeature(new ol.Feature(geojson().readGeometry(g)));
}

function buildTree() {
  const tree = $('#tree');
  tree.innerHTML = '';
  for (const group of state.meta.groups) {
    const div = document.createElement('div');
    div.className = 'group';
    div.innerHTML = `<div class="group-name">${esc(group.name)}</div>`;
    for (const l of group.layers) {
      const row = document.createElement('div');
      row.className = 'layer-row';
      row.innerHTML = `<label><input type="checkbox" data-layer="${esc(l.name)}" checked> ${esc(l.title)}</label>`;
      const legend = document.createElement('div');
      legend.className = 'legend';
      const cats = l.style.renderer === 'single' ? [{ label: l.title, color: l.style.color }] : l.style.categories;
      legend.innerHTML = cats.map((c) => `<div><span class="swatch" style="background:${esc(c.color)}"></span>${esc(c.label || c.value)}</div>`).join('');
      row.appendChild(legend);
      row.querySelector('input').addEventListener('change', (e) => state.layers.get(l.name).setVisible(e.target.checked));
      div.appendChild(row);
    }
    tree.appendChild(div);
  }
}

function buildLayers() {
  const m = state.meta;
  const grid = new ol.tilegrid.TileGrid({ origin: m.tile_grid.origin, extent: m.tile_grid.extent, resolutions: m.tile_grid.resolutions.slice(0, m.tile_grid.max_zoom + 1), tileSize: m.tile_grid.tile_size });
  const ordered = [];
  for (const g of m.groups) for (const l of g.layers) ordered.push(l);
  // The tree lists the top of the map first; OpenLayers draws the last layer on top.
  ordered.reverse().forEach((l, i) => {
    let layer;
    if (l.source === 'tiles') {
      layer = new ol.layer.VectorTile({
        source: new ol.source.VectorTile({ format: new ol.format.MVT(), url: l.url, tileGrid: grid, projection: m.crs }),
        style: styleFunction(l), renderMode: 'hybrid', declutter: false,
      });
    } else {
      layer = new ol.layer.Vector({ source: new ol.source.Vector({ url: l.url, format: geojson() }), style: styleFunction(l), declutter: !!l.style.label });
    }
    layer.set('name', l.name);
    layer.setZIndex(i);
    state.layers.set(l.name, layer);
    state.map.addLayer(layer);
  });
  if (m.groups.some((g) => g.layers.some((l) => l.name === 'parcels')))
    for (const c of m.groups.flatMap((g) => g.layers).find((l) => l.name === 'parcels').style.categories)
      if (c.value) state.landuseNames.set(c.value, c.label.replace(/^\S+\s/, ''));
}

async function identify(layerName, id) {
  setTab('identify');
  const box = $('#identify');
  box.innerHTML = '…';
  try {
    const f = await getJson(api(`/api/features/${encodeURIComponent(layerName)}/${encodeURIComponent(id)}`));
    highlight([f.geometry]);
    let html = `<h3 id="identify-name">${esc(f.name || f.id)}</h3><p>${esc(f.layer_title)} · ${esc(f.id)}</p><h3>${W.attributes}</h3><table>`;
    for (const a of f.attributes) html += `<tr><th>${esc((lang === 'zh' && a.title) || W.fields[a.field] || a.field)}</th><td>${esc(a.value)}${a.word ? ' ' + esc(a.word) : ''}</td></tr>`;
    html += '</table>';
    if (f.landuse) {
      html += `<h3>${W.landuseMix}</h3><p>${W.area} ${fmtArea(f.area_m2)}</p><table>`;
      for (const u of f.landuse.slice(0, 12))
        html += `<tr><td><span class="swatch" style="background:${esc(u.color)}"></span> ${esc(u.code)} ${esc(u.name)}</td><td class="num">${fmtArea(u.area_m2)}</td><td class="num">${pct(u.share)}</td></tr>`;
      html += '</table>';
    }
    html += `<h3>${W.relatedConflicts}</h3>`;
    html += f.conflicts.length ? '<ul class="clickable">' + f.conflicts.map((c) => `<li data-conflict="${c.index}"><span class="sev-${esc(c.severity)}">${esc(c.title)}</span><br>${esc(c.reason)}</li>`).join('') + '</ul>' : `<p>${W.none}</p>`;
    box.innerHTML = html;
    box.querySelectorAll('[data-conflict]').forEach((li) => li.addEventListener('click', () => zoomConflict(Number(li.dataset.conflict))));
  } catch (e) {
    box.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

async function zoomConflict(index) {
  const c = state.report.conflicts[index];
  document.querySelectorAll('#conflicts li').forEach((li) => li.classList.toggle('selected', Number(li.dataset.conflict) === index));
  const features = await Promise.all(c.features.map((f) => getJson(api(`/api/features/${encodeURIComponent(f.layer)}/${encodeURIComponent(f.id)}`)).catch(() => null)));
  const found = features.filter(Boolean);
  highlight(found.map((f) => f.geometry), c.severity === 'conflict' ? '#d50000' : '#ff6d00');
  fitBbox(unionBbox(found.map((f) => f.bbox)));
  state.map.renderSync();
}

function buildPanels() {
  const r = state.report;
  $('#targets').innerHTML = r.progress.map((p) => {
    const ratio = p.ratio == null ? 0 : Math.min(1, p.ratio);
    return `<div class="target"><div><b>${esc(lang === 'zh' ? p.name : p.name_en || p.name)}</b> <span class="status-${esc(p.status)}">${esc(W.status[p.status] || p.status)}</span>` +
      (p.level ? ` · ${W.levelWord} <span class="level-${esc(p.level)}">${esc(W.level[p.level] || p.level)}</span>` : '') + '</div>' +
      `<div>${esc(p.text || '')}</div><div class="bar ${p.status === 'met' ? '' : 'behind'}"><span style="width:${(100 * ratio).toFixed(1)}%"></span></div>` +
      (p.quote ? `<div class="quote">「${esc(p.quote.text)}」</div>` : '') + '</div>';
  }).join('');
  $('#conflicts').innerHTML = '<ul class="clickable">' + r.conflicts.map((c, i) =>
    `<li data-conflict="${i}"><span class="sev-${esc(c.severity)}">${esc(c.title)}</span><br>${esc(c.reason)}</li>`).join('') + '</ul>';
  document.querySelectorAll('#conflicts [data-conflict]').forEach((li) => li.addEventListener('click', () => zoomConflict(Number(li.dataset.conflict))));
  let cov = `<table><tr><th>${W.frame}</th><th>${W.area}</th><th>${W.topLanduse}</th></tr>`;
  for (const row of r.coverage) {
    const top = Object.entries(row.landuse_level1_m2 || {}).sort((a, b) => b[1] - a[1]).slice(0, 3)
      .map(([code, m2]) => `${esc(code)} ${esc(state.landuseNames.get(code) || '')} ${pct(row.area_m2 > 0 ? m2 / row.area_m2 : 0)}`).join('<br>');
    cov += `<tr data-layer="${esc(row.layer)}" data-id="${esc(row.id)}"><td>${esc(row.name || row.id)}</td><td class="num">${fmtArea(row.area_m2)}</td><td>${top}</td></tr>`;
  }
  $('#coverage').innerHTML = cov + '</table>';
  document.querySelectorAll('#coverage tr[data-id]').forEach((tr) => tr.addEventListener('click', () => identify(tr.dataset.layer, tr.dataset.id)));
}

function stopInteraction() {
  if (state.interaction) state.map.removeInteraction(state.interaction);
  state.interaction = null;
  document.querySelectorAll('#tools button').forEach((b) => b.classList.remove('active'));
}

function measure(type, button) {
  stopInteraction();
  button.classList.add('active');
  const source = new ol.source.Vector();
  const draw = new ol.interaction.Draw({ source, type });
  const out = $('#measure-out');
  draw.on('drawstart', (e) => e.feature.getGeometry().on('change', (ev) => {
    const g = ev.target;
    out.hidden = false;
    // Planar figures in the store's metric work CRS, as every area the project reports.
    out.textContent = type === 'LineString' ? `${W.length} ${g.getLength().toFixed(1)} m` : `${W.area} ${g.getArea().toFixed(0)} m² (${fmtArea(g.getArea())})`;
  }));
  draw.on('drawend', () => { state.drawEnded = Date.now(); setTimeout(stopInteraction, 0); });
  state.interaction = draw;
  state.map.addInteraction(draw);
}

function drawSite() {
  stopInteraction();
  $('#check-draw').classList.add('active');
  setTab('check');
  const draw = new ol.interaction.Draw({ source: state.drawn.getSource(), type: 'Polygon' });
  draw.on('drawstart', () => state.drawn.getSource().clear());
  draw.on('drawend', () => { state.drawEnded = Date.now(); setTimeout(stopInteraction, 0); });
  state.interaction = draw;
  state.map.addInteraction(draw);
}

async function submitCheck(e) {
  e.preventDefault();
  const form = new FormData($('#check-form'));
  const out = $('#check-result');
  const q = new URLSearchParams({ lang });
  const props = {};
  for (const key of ['name', 'landuse', 'category']) if (form.get(key)) props[key] = String(form.get(key));
  for (const key of ['far', 'height', 'density', 'green']) if (form.get(key) !== '' && form.get(key) != null) props[key] = Number(form.get(key));
  let body;
  const file = form.get('file');
  if (file && file.size) {
    // A file goes up as it is: the server reads it with the CLI's proposal reader (its own CRS).
    // Its bytes as they are: a 界址点 TXT is often GB18030, which the server decodes, not the browser.
    body = await file.arrayBuffer();
    q.set('file', file.name);
    for (const key of ['landuse', 'name', 'category']) if (props[key]) q.set(key, props[key]);
    for (const key of ['far', 'height', 'density', 'green']) if (props[key] != null) q.set(key, String(props[key]));
    if (form.get('crs')) q.set('crs', String(form.get('crs')));
  } else {
    const drawn = state.drawn.getSource().getFeatures()[0];
    if (!drawn) { out.innerHTML = `<p class="error">${W.drawFirst}</p>`; return; }
    if (!props.landuse) { out.innerHTML = `<p class="error">${W.noLanduse}</p>`; return; }
    body = JSON.stringify({ type: 'Feature', properties: props, geometry: geojson().writeGeometryObject(drawn.getGeometry()) });
    q.set('crs', state.meta.crs);  // drawn in the map, which is the store's CRS
  }
  out.innerHTML = '…';
  state.lastCheck = { query: q.toString(), body, name: props.name };
  try {
    const r = await getJson('/api/check?' + q.toString(), { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    showVerdict(r);
  } catch (err) {
    out.innerHTML = `<p class="error" id="check-error">${esc(err.message)}</p>`;
  }
}

async function showVerdict(r) {
  const colour = { pass: '#2e7d32', needs_review: '#ef6c00', conflict: '#d50000' }[r.verdict];
  let html = `<p><span id="verdict" class="verdict verdict-${esc(r.verdict)}" data-verdict="${esc(r.verdict)}">${esc(W.verdict[r.verdict] || r.verdict)}</span> ${W.area} ${fmtArea(r.proposal.area_m2)}</p>`;
  html += `<h3>${W.rulesHit}</h3>` + (r.rules.length ? '<ul>' + r.rules.map((x) => `<li><span class="sev-${esc(x.severity)}">${esc(x.title)}</span><br>${esc(x.reason)}<br><small>${esc(x.clause)}</small></li>`).join('') + '</ul>' : `<p>${W.none}</p>`);
  html += `<h3>${W.reviewReasons}</h3>` + (r.review.length ? '<ul>' + r.review.map((x) => `<li>${esc(x)}</li>`).join('') + '</ul>' : `<p>${W.none}</p>`);
  html += `<h3>${W.frames}</h3><ul>` + r.frames.map((f) => `<li>${esc(f.name || f.id)} ${pct(f.share)}</li>`).join('') + '</ul>';
  html += `<h3>${W.landuseMix}</h3><ul>` + r.landuse.map((u) => `<li>${esc(u.code)} ${esc(state.landuseNames.get(u.code) || '')} ${pct(u.share)}</li>`).join('') + '</ul>';
  if (r.projects.length) html += `<h3>${W.projectsHit}</h3><ul>` + r.projects.map((p) => `<li>${esc(p.name || p.id)} ${fmtArea(p.overlap_m2)}</li>`).join('') + '</ul>';
  $('#check-result').innerHTML = html;
  $('#check-pdf').hidden = !state.meta.review_pdf;  // with the verdict, not after the highlights load
  // The site in its verdict's colour, and what each rule hit, on the map.
  state.drawn.setStyle(new ol.style.Style({ stroke: new ol.style.Stroke({ color: colour, width: 3 }), fill: new ol.style.Fill({ color: rgba(colour, 0.3) }) }));
  const hits = await Promise.all(r.rules.filter((x) => x.with).map((x) => getJson(api(`/api/features/${encodeURIComponent(x.with.layer)}/${encodeURIComponent(x.with.id)}`)).catch(() => null)));
  highlight(hits.filter(Boolean).map((f) => f.geometry), colour);
}

/// The review opinion of the last check as PDF: the same request, sent to /api/review.pdf.
async function downloadReviewPdf() {
  if (!state.lastCheck) return;
  const r = await fetch('/api/review.pdf?' + state.lastCheck.query, { method: 'POST', body: state.lastCheck.body, headers: { 'Content-Type': 'application/json' } });
  if (!r.ok) { $('#check-result').insertAdjacentHTML('afterbegin', `<p class="error">${esc((await r.json().catch(() => ({}))).error || r.statusText)}</p>`); return; }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await r.blob());
  a.download = (state.lastCheck.name || 'review') + '.pdf';
  a.click();
  URL.revokeObjectURL(a.href);
}

async function main() {
  document.title = lang === 'zh' ? '一张图' : 'Plan map';
  $('#search').placeholder = W.searchPlaceholder;
  $('#search-go').textContent = W.search;
  $('#measure-length').textContent = W.measureLength;
  $('#measure-area').textContent = W.measureArea;
  $('#check-draw').textContent = W.checkDraw;
  $('#lang-switch').textContent = W.other;
  $('#lang-switch').href = lang === 'zh' ? '?lang=en' : '?';
  $('#tree-title').textContent = W.tree;
  $('#north').title = W.north;
  const tabWords = { identify: W.identify, 'search-results': W.searchResults, targets: W.targets, conflicts: W.conflicts, coverage: W.coverage, check: W.check };
  document.querySelectorAll('#tabs button').forEach((b) => { b.textContent = tabWords[b.dataset.tab]; b.addEventListener('click', () => setTab(b.dataset.tab)); });
  document.querySelectorAll('[data-word]').forEach((s) => { s.textContent = W[s.dataset.word]; });
  $('#check-submit').textContent = W.submit;
  $('#check-pdf').textContent = W.pdf;
  $('#check-hint').textContent = W.checkHint;
  setTab('targets');

  state.meta = await getJson(api('/api/layers'));
  $('#title').textContent = state.meta.dataset.name;
  document.querySelector('#check-form input[name="crs"]').placeholder = state.meta.crs;
  if (state.meta.dataset.illustrative) { $('#illustrative').hidden = false; $('#illustrative').textContent = W.illustrative; }
  proj4.defs(state.meta.crs, state.meta.proj4);
  ol.proj.proj4.register(proj4);
  const projection = ol.proj.get(state.meta.crs);
  projection.setExtent(state.meta.tile_grid.extent);
  state.map = new ol.Map({
    target: 'map',
    view: new ol.View({ projection, extent: state.meta.tile_grid.extent, constrainOnlyCenter: true, maxZoom: 28 }),
    controls: ol.control.defaults.defaults().extend([new ol.control.ScaleLine({ bar: true, text: true, minWidth: 120 })]),
  });
  buildLayers();
  state.highlight = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 1000 });
  state.drawn = new ol.layer.Vector({ source: new ol.source.Vector(), zIndex: 1001,
    style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#1565c0', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(21,101,192,0.2)' }) }) });
  state.map.addLayer(state.highlight);
  state.map.addLayer(state.drawn);
  state.map.getView().fit(state.meta.extent, { padding: [20, 20, 20, 20] });
  buildTree();

  state.map.on('singleclick', (e) => {
    // The click that ends a drawing arrives as a single click after the drawing is over.
    if (state.interaction || Date.now() - state.drawEnded < 1000) return;
    // Frames tile the district, so the topmost feature is rarely the one meant: the most specific
    // one under the cursor is (a line before any area, then the smallest extent).
    let hit = null;
    state.map.forEachFeatureAtPixel(e.pixel, (f, layer) => {
      if (!layer || !layer.get('name')) return;
      const id = f.get('id') ?? f.getId();
      if (id == null) return;
      const x = f.getExtent ? f.getExtent() : f.getGeometry().getExtent();
      const type = (f.getGeometry ? f.getGeometry() : f).getType();
      const size = /LineString/.test(type) ? -1 : (x[2] - x[0]) * (x[3] - x[1]);
      if (!hit || size < hit.size) hit = { layer: layer.get('name'), id: String(id), size };
    }, { hitTolerance: 2 });
    if (hit) identify(hit.layer, hit.id);
  });
  $('#measure-length').addEventListener('click', (e) => measure('LineString', e.target));
  $('#measure-area').addEventListener('click', (e) => measure('Polygon', e.target));
  $('#check-draw').addEventListener('click', drawSite);
  $('#check-form').addEventListener('submit', submitCheck);
  $('#check-pdf').addEventListener('click', downloadReviewPdf);
  $('#search-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    setTab('search-results');
    const box = $('#search-results');
    try {
      const r = await getJson(api('/api/search?q=' + encodeURIComponent($('#search').value)));
      box.innerHTML = r.results.length ? '<ul class="clickable">' + r.results.map((h, i) => `<li data-hit="${i}">${esc(h.name || h.id)} <small>${esc(h.layer_title)} · ${esc(h.id)}</small></li>`).join('') + '</ul>' : `<p>${W.noHits}</p>`;
      box.querySelectorAll('[data-hit]').forEach((li) => li.addEventListener('click', () => { const h = r.results[Number(li.dataset.hit)]; fitBbox(h.bbox); identify(h.layer, h.id); }));
    } catch (err) {
      box.innerHTML = `<p class="error">${esc(err.message)}</p>`;
    }
  });

  state.report = await getJson(api('/api/report'));
  buildPanels();
  window.zoning = { map: state.map, layers: state.layers, state, identify, zoomConflict };
  document.body.dataset.ready = '1';
}

main().catch((e) => {
  document.body.insertAdjacentHTML('afterbegin', `<p class="error" id="fatal">${esc(e.message)}</p>`);
  document.body.dataset.ready = 'error';
});
