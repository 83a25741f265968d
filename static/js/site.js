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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".intake-picker").forEach(setUpIntakePicker);
  });
})();
