/* Charts of the young-cadre statistics, drawn with the vendored ECharts (static/vendor/echarts/).
 *
 * Fed by the JSON the pages serve (reports/serializers.py, reports/trend_json.py): the page embeds the same
 * object the JSON door serves (<script type="application/json" id="stats-data">, or the id a chart names in
 * data-source: trend-data, forecast-data), so a chart never computes a figure.
 * Each chart is a <div class="chart" data-chart="…"> beside a table of the same figures; greys and
 * patterns (decals), line dashes and marker shapes keep the series apart in black-and-white print, and SVG
 * prints crisply.
 */
(function () {
  "use strict";

  var GREYS = ["#404040", "#a6a6a6", "#707070", "#d0d0d0", "#202020", "#8c8c8c"];
  // Lines told apart without colour: a dash pattern and a marker shape each.
  var DASHES = ["solid", "dashed", "dotted", [8, 3, 2, 3], [2, 2], [10, 4]];
  var MARKS = ["rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle"];
  // Bars of many series told apart without colour: plain, dots, slants, checks, stripes, triangles.
  var LIGHT = "rgba(255, 255, 255, 0.75)";
  var DECALS = [
    { symbol: "none" },
    { symbol: "circle", symbolSize: 0.7, dashArrayX: [[5, 5], [0, 5, 5, 0]], dashArrayY: [5, 0], color: LIGHT },
    { symbol: "rect", dashArrayX: [[1, 0]], dashArrayY: [2, 4], rotation: Math.PI / 4, color: LIGHT },
    { symbol: "rect", dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0], color: LIGHT },
    { symbol: "rect", dashArrayX: [[1, 0]], dashArrayY: [2, 3], color: LIGHT },
    { symbol: "triangle", symbolSize: 0.8, dashArrayX: [[7, 7], [0, 7, 7, 0]], dashArrayY: [6, 0], color: LIGHT }
  ];
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

  // "2025-01" → "2025年1月"
  function monthName(value) {
    var parts = value.split("-");
    return parts[0] + "年" + Number(parts[1]) + "月";
  }

  // A series' line: `index` picks its dash and marker; "total" is bold black, "recent" black dashed with rings.
  function line(name, data, index, kind) {
    if (kind === "total" || kind === "recent") {
      var total = kind === "total";
      return { type: "line", name: name, data: data, symbol: total ? "circle" : "emptyCircle", symbolSize: 6,
               color: "#000", lineStyle: { width: total ? 3 : 2, type: total ? "solid" : [6, 3] } };
    }
    return {
      type: "line", name: name, data: data, symbol: MARKS[index % MARKS.length], symbolSize: 7,
      color: GREYS[index % GREYS.length], lineStyle: { width: 1.5, type: DASHES[index % DASHES.length] }
    };
  }

  var BUILDERS = {
    // 逐月变化: the total (bold) and the recent intake above, each group below on its own scale, month by month.
    trend: function (data) {
      var months = data.months;
      var labels = months.map(function (m) { return monthName(m.month); });
      var option = base("逐月变化（" + monthName(data.start) + "至" + monthName(data.end) + "）");
      var series = [line("合计", months.map(function (m) { return m.total; }), 0, "total"),
                    line("其中" + data.recent_years + "年内招录", months.map(function (m) { return m.recent; }), 0, "recent")];
      (months.length ? months[0].groups : []).forEach(function (group, index) {
        var item = line(group.name, months.map(function (m) { return m.groups[index].count; }), index);
        item.xAxisIndex = item.yAxisIndex = 1;
        series.push(item);
      });
      option.series = series;
      option.tooltip = { trigger: "axis" };
      option.axisPointer = { link: [{ xAxisIndex: "all" }] };
      option.legend = { bottom: 0, itemWidth: 30, data: series.map(function (s) { return s.name; }) };
      option.grid = [{ left: 8, right: 24, top: 48, height: "26%", containLabel: true },
                     { left: 8, right: 24, top: "46%", bottom: 64, containLabel: true }];
      option.xAxis = [{ type: "category", boundaryGap: false, data: labels, gridIndex: 0, axisLabel: { show: false } },
                      { type: "category", boundaryGap: false, data: labels, gridIndex: 1 }];
      option.yAxis = [{ type: "value", minInterval: 1, name: "合计（人）", gridIndex: 0, nameTextStyle: { align: "left" } },
                      { type: "value", minInterval: 1, name: "按进入方式（人）", gridIndex: 1,
                        nameTextStyle: { align: "left" } }];
      return option;
    },
    // 年龄退出预测: the leavers of each month by group (stacked bars), the size with no new intake (line).
    forecast: function (data) {
      var months = data.months;
      var option = base("今后" + months.length + "个月年龄退出人数和月末人数");
      var names = months.length ? months[0].groups.map(function (g) { return g.name; }) : [];
      var series = names.map(function (name, index) {
        return { type: "bar", name: name, stack: "leaving", barMaxWidth: 24, yAxisIndex: 0,
                 itemStyle: { decal: DECALS[index % DECALS.length] },
                 data: months.map(function (m) { return m.groups[index].leaving; }) };
      });
      var size = line("月末人数（无新进入）", months.map(function (m) { return m.size; }), 0, "total");
      size.yAxisIndex = 1;
      series.push(size);
      option.series = series;
      option.legend = { bottom: 0, data: series.map(function (s) { return s.name; }) };
      option.grid.bottom = 64;  // room for a legend on two lines in print
      option.grid.left = option.grid.right = 24;
      option.xAxis = { type: "category", data: months.map(function (m) { return monthName(m.month); }) };
      option.yAxis = [{ type: "value", minInterval: 1, name: "退出人数" },
                      { type: "value", minInterval: 1, name: "月末人数", splitLine: { show: false } }];
      return option;
    },
    // 首页: the total of the last months, a small line with its first and last figures.
    sparkline: function (data) {
      var totals = data.months.map(function (m) { return m.total; });
      return {
        animation: false,
        textStyle: { fontFamily: FONT, color: "#000" },
        aria: { enabled: true },
        grid: { left: 4, right: 4, top: 6, bottom: 6 },
        tooltip: { trigger: "axis", formatter: function (p) { return p[0].name + "：" + p[0].value + "人"; } },
        xAxis: { type: "category", show: false, boundaryGap: false,
                 data: data.months.map(function (m) { return monthName(m.month); }) },
        yAxis: { type: "value", show: false, scale: true },
        series: [{ type: "line", data: totals, symbol: "none", color: "#000", lineStyle: { width: 2 },
                   areaStyle: { color: "#d0d0d0" }, markPoint: { symbol: "circle", symbolSize: 6,
                   data: [{ coord: [totals.length - 1, totals[totals.length - 1]] }], label: { show: false } } }]
      };
    },
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
    if (typeof echarts === "undefined") return;
    var sources = {};
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    document.querySelectorAll(".chart[data-chart]").forEach(function (element) {
      var build = BUILDERS[element.getAttribute("data-chart")];
      var id = element.getAttribute("data-source") || "stats-data";
      var source = document.getElementById(id);
      if (!build || !source) return;
      var data = sources[id] || (sources[id] = JSON.parse(source.textContent));
      var chart = echarts.init(element, null, { renderer: "svg", locale: "ZH" });
      chart.setOption(build(data));
      element.setAttribute("data-drawn", data.as_of || data.end);
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
