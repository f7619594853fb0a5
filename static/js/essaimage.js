// Progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Territory picker: fills the field's <datalist> with suggestions while typing.
  function enhanceTerritoryPicker(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var timer = null;
    var lastQuery = "";
    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (query.length < 2 || query === lastQuery) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        lastQuery = query;
        var url = "/territoires/suggestions/?q=" + encodeURIComponent(query);
        if (input.dataset.levels) { url += "&levels=" + encodeURIComponent(input.dataset.levels); }
        fetch(url, { headers: { "Accept": "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  }

  // Confirmation before an irreversible action: <form data-confirm="message">.
  function enhanceConfirm(form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  }

  // Focus the error summary so that keyboard and screen-reader users land on it.
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-territory-picker]").forEach(enhanceTerritoryPicker);
    document.querySelectorAll("form[data-confirm]").forEach(enhanceConfirm);
    focusErrorSummary();
  });
})();

// Error pages (errors/base_error.html): « Revenir au formulaire » goes back in history, where
// the browser still holds what was typed; hidden without JavaScript (the page says how instead).
(function () {
  "use strict";
  document.querySelectorAll("[data-history-back]").forEach(function (button) {
    if (window.history.length < 2) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { window.history.back(); });
  });
})();
