/**
 * The report's only script of its own: it reads the chart specs from the JSON data element and
 * draws them with the inlined Chart.js. It adds what JSON cannot carry: tick and tooltip callbacks
 * that turn the x positions of setting charts back into their labels, and filters that keep the
 * interval whiskers out of legends and tooltips. It never touches run data as markup: labels go
 * to Chart.js, which draws them on a canvas.
 */
export const CHART_RUNTIME = `
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.color = '#222';
  var visible = function (item) { return !item.chart.data.datasets[item.datasetIndex].hideInLegend; };
  specs.forEach(function (spec) {
    var options = spec.config.options;
    options.plugins.legend.labels.filter = function (item, data) { return !data.datasets[item.datasetIndex].hideInLegend; };
    options.plugins.tooltip = { filter: visible, callbacks: {} };
    if (spec.xLabels) {
      var labelAt = function (value) {
        var index = Math.round(value);
        return Math.abs(value - index) < 0.45 && spec.xLabels[index] !== undefined ? spec.xLabels[index] : '';
      };
      options.scales.x.afterBuildTicks = function (axis) {
        axis.ticks = spec.xLabels.map(function (label, index) { return { value: index }; });
      };
      options.scales.x.ticks.callback = function (value) { return labelAt(value); };
      options.plugins.tooltip.callbacks.title = function (items) { return items.length ? labelAt(items[0].parsed.x) : ''; };
      options.plugins.tooltip.callbacks.label = function (item) { return item.dataset.label + ': ' + Math.round(item.parsed.y * 10) / 10; };
    } else {
      options.plugins.tooltip.callbacks.label = function (item) {
        if (item.raw && typeof item.raw.note === 'string') return item.raw.note;
        return item.dataset.label + ': ' + Math.round(item.parsed.y) + '% by ' + Math.round(item.parsed.x) + ' ms';
      };
    }
    if (options.scales.x.type === 'logarithmic') {
      // A log axis (USD unless the spec gives another tickPrefix): label 1, 2 and 5 of each decade, e.g. $0.0001, $0.0002, $0.0005.
      var prefix = typeof options.scales.x.tickPrefix === 'string' ? options.scales.x.tickPrefix : '$';
      options.scales.x.ticks = { callback: function (value) {
        var mantissa = value / Math.pow(10, Math.floor(Math.log10(value)) );
        var round = Math.round(mantissa);
        return Math.abs(mantissa - round) < 1e-6 && (round === 1 || round === 2 || round === 5) ? prefix + Number(value.toPrecision(1)) : '';
      } };
    }
    new Chart(document.getElementById(spec.id), spec.config);
  });
})();
`;
