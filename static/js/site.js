/* Small behaviours of the site's pages; every page works without them. */
(function () {
  "use strict";

  /* The excluded-intakes picker (reports/params.py IntakePicker): add and remove rows; on a GET form,
     fold each row into one exclude=YEAR:CHANNEL so the address reads as a bookmarkable query. */
  function setUpIntakePicker(picker) {
    var rows = picker.querySelector(".intake-rows");
    var template = picker.querySelector(".intake-template");
    picker.querySelector(".intake-add").addEventListener("click", function () {
      rows.appendChild(template.content.cloneNode(true));
      var added = rows.lastElementChild.querySelector(".intake-year");
      if (added) { added.focus(); }
    });
    rows.addEventListener("click", function (event) {
      if (event.target.classList.contains("intake-remove")) {
        event.target.closest(".intake-row").remove();
      }
    });
    var form = picker.closest("form");
    if (form && (form.method || "get").toLowerCase() === "get") {
      form.addEventListener("submit", function () {
        var name = picker.getAttribute("data-name");
        rows.querySelectorAll(".intake-row").forEach(function (row) {
          var year = row.querySelector(".intake-year");
          var channel = row.querySelector(".intake-channel");
          if (year.value.trim() && channel.value) {
            var hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = name;
            hidden.value = year.value.trim() + ":" + channel.value;
            picker.appendChild(hidden);
            year.disabled = true;
            channel.disabled = true;
          } else if (!year.value.trim() && !channel.value) {
            year.disabled = true;
            channel.disabled = true;
          }
        });
      });
    }
  }

  /* The roster's row checkboxes: select all on the page, count the selection. */
  function setUpSelection() {
    var all = document.querySelector(".cadre-list-table input.select-all");
    var rows = document.querySelectorAll(".cadre-list-table input.select-row");
    var count = document.getElementById("selected-count");
    if (!rows.length || !count) { return; }
    if (all) { all.setAttribute("form", "bulk-form-none"); }
    function update() {
      var n = 0;
      rows.forEach(function (box) { if (box.checked) { n += 1; } });
      count.textContent = String(n);
    }
    rows.forEach(function (box) { box.addEventListener("change", update); });
    if (all) {
      all.addEventListener("change", function () {
        rows.forEach(function (box) { box.checked = all.checked; });
        update();
      });
    }
    update();
  }

  /* Leave the filters not in use out of the address, so it reads (and bookmarks) as what was chosen. */
  function dropEmptyOnSubmit(form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.disabled && field.type !== "checkbox" && field.value === "") { field.disabled = true; }
      });
    });
  }

  /* The roster import preview: show every row, only the rows with an error, or only the rows that change. */
  function setUpPreviewFilter(box) {
    var rows = document.querySelectorAll("table.preview tbody tr");
    var shown = box.querySelector(".preview-shown");
    function apply(mode) {
      var count = 0;
      rows.forEach(function (row) {
        var error = row.classList.contains("row-error") || row.querySelector(".cell-error") !== null;
        var action = row.getAttribute("data-action");
        var change = action === "新增" || action === "更新";
        var visible = mode === "errors" ? error : mode === "changes" ? change : true;
        row.hidden = !visible;
        if (visible) { count += 1; }
      });
      shown.textContent = "（显示" + count + "行，共" + rows.length + "行）";
    }
    box.querySelectorAll("input[name=preview-show]").forEach(function (radio) {
      radio.addEventListener("change", function () { apply(radio.value); });
    });
    apply("all");
  }

  /* The header's menus (导入): one open at a time, closed by a click elsewhere or Escape. */
  function setUpNavMenus() {
    var menus = document.querySelectorAll(".nav-menu");
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) { if (!menu.contains(event.target)) { menu.open = false; } });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { menus.forEach(function (menu) { menu.open = false; }); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpNavMenus();
    setUpSelection();
    document.querySelectorAll(".preview-filter").forEach(setUpPreviewFilter);
    document.querySelectorAll("form.filter-bar").forEach(dropEmptyOnSubmit);
    document.querySelectorAll(".intake-picker").forEach(setUpIntakePicker);
    /* A file just generated (the monthly report): offer it for download at once. */
    var download = document.querySelector("a[data-auto-download]");
    if (download) { window.location.href = download.href; }
  });
})();
