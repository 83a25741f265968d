/* Charts of the young-cadre statistics, drawn with the vendored ECharts (static/vendor/echarts/).
 *
 * Fed by the statistics JSON (reports/serializers.py): the page embeds the same object the JSON door
 * serves (<script type="application/json" id="stats-data">), so a chart never computes a figure.
 * Each chart is a <div class="chart" data-chart="…"> beside a table of the same figures; greys and
 * patterns (decals) keep the series apart in black-and-white print, and SVG prints crisply.
 */
(function () {
  "use strict";

  var GREYS = ["#404040", "#a6a6a6", "#707070", "#d0d0d0", "#202020", "#8c8c8c"];
  var FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', SimSun, sans-serif";
  var charts = [];

  function breakdown(data, key) {
    for (var i = 0; i < data.breakdowns.length; i++) {
      if (data.breakdowns[i].key === key) return data.breakdowns[i];
    }
    return null;
  }

  function base(title) {
    return {
      animation: false,
      color: GREYS,
      textStyle: { fontFamily: FONT, color: "#000" },
      title: { text: title, left: "center", textStyle: { fontSize: 14, fontWeight: "bold" } },
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true }
    };
  }

  // A figure on its bar, outlined in white so it reads on a dark bar, a pattern, or paper.
  function labelled() {
    return { show: true, position: "inside", color: "#000", textBorderColor: "#fff", textBorderWidth: 3,
             formatter: function (p) { return Math.abs(p.value); } };
  }

  // Category names of four characters or more wrap, so that neighbours never overlap.
  function wrapped(text) {
    return text.length > 4 ? text.replace(/(.{4})/g, "$1\n").replace(/\n$/, "") : text;
  }

  function bars(title, labels, counts, horizontal) {
    var option = base(title);
    var crowded = !horizontal && labels.length > 4;
    var category = { type: "category", data: labels, axisLabel: { interval: 0, formatter: crowded ? wrapped : null } };
    var value = { type: "value", minInterval: 1, name: "人数" };
    option.xAxis = horizontal ? value : category;
    option.yAxis = horizontal ? category : value;
    if (horizontal) option.yAxis.inverse = true;
    option.series = [{
      type: "bar", name: "人数", data: counts, barMaxWidth: 36,
      label: { show: true, position: horizontal ? "right" : "top", color: "#000" }
    }];
    return option;
  }

  function bandsOf(item) {
    return {
      labels: item.bands.map(function (b) { return b.label; }),
      counts: item.bands.map(function (b) { return b.count; })
    };
  }

  var BUILDERS = {
    // 进入方式: each group's people, the recent intake stacked under the rest.
    groups: function (data) {
      var option = base("按进入方式（其中" + data.recent_label + "招录）");
      option.legend = { bottom: 0, data: [data.recent_label + "招录", "其他"] };
      option.grid.bottom = 32;
      option.xAxis = { type: "category", data: data.groups.map(function (g) { return g.name; }),
                       axisLabel: { interval: 0, formatter: wrapped } };
      option.yAxis = { type: "value", minInterval: 1, name: "人数" };
      option.series = [
        { type: "bar", name: data.recent_label + "招录", stack: "all", barMaxWidth: 40,
          data: data.groups.map(function (g) { return g.recent; }), label: { show: true, color: "#fff" } },
        { type: "bar", name: "其他", stack: "all", barMaxWidth: 40,
          data: data.groups.map(function (g) { return g.count - g.recent; }),
          label: { show: true, position: "top", color: "#000",
                   formatter: function (p) { return data.groups[p.dataIndex].count; } } }
      ];
      return option;
    },
    // 年龄金字塔: men to the left, women to the right, youngest band at the bottom.
    age_pyramid: function (data) {
      var item = breakdown(data, "age_gender");
      var labels = [];
      item.bands.forEach(function (b) { if (labels.indexOf(b.label) < 0) labels.push(b.label); });
      var option = base("年龄金字塔（按性别）");
      option.legend = { bottom: 0, data: item.series };
      option.grid.bottom = 32;
      option.tooltip.valueFormatter = function (v) { return Math.abs(v); };
      option.xAxis = { type: "value", minInterval: 1, axisLabel: { formatter: function (v) { return Math.abs(v); } } };
      option.yAxis = { type: "category", data: labels, axisTick: { show: false } };
      option.series = item.series.map(function (name, index) {
        return {
          type: "bar", name: name, stack: "pyramid", barMaxWidth: 36,
          data: labels.map(function (label) {
            var band = item.bands.filter(function (b) { return b.label === label && b.series === name; })[0];
            var count = band ? band.count : 0;
            return index === 0 ? -count : count;
          }),
          label: labelled()
        };
      });
      return option;
    },
    age_bands: function (data) {
      var b = bandsOf(breakdown(data, "age_band"));
      return bars("年龄段", b.labels, b.counts, false);
    },
    education: function (data) {
      var b = bandsOf(breakdown(data, "education"));
      return bars("最高学历", b.labels, b.counts, false);
    },
    political_status: function (data) {
      var b = bandsOf(breakdown(data, "political_status"));
      return bars("政治面貌", b.labels, b.counts, true);
    },
    units: function (data) {
      var b = bandsOf(breakdown(data, "unit"));
      return bars("所在单位", b.labels, b.counts, true);
    }
  };

  function draw() {
    var source = document.getElementById("stats-data");
    if (!source || typeof echarts === "undefined") return;
    var data = JSON.parse(source.textContent);
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    document.querySelectorAll(".chart[data-chart]").forEach(function (element) {
      var build = BUILDERS[element.getAttribute("data-chart")];
      if (!build) return;
      var chart = echarts.init(element, null, { renderer: "svg", locale: "ZH" });
      chart.setOption(build(data));
      element.setAttribute("data-drawn", data.as_of);
      charts.push(chart);
    });
  }

  function resize() { charts.forEach(function (chart) { chart.resize(); }); }

  window.youngCadreCharts = { draw: draw, charts: function () { return charts; } };
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
