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

// Innovation page (brief "page"): the « Imprimer / PDF » button exists only with JavaScript.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.classList.remove("fr-hidden");
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();

// Catalogue (brief « catalogue »): the département list narrowed to the chosen région, without a
// round trip. Options carry data-region; without JS the full list works (the server intersects).
(function () {
  "use strict";

  function narrowDepartements(regionSelect) {
    var target = document.getElementById(regionSelect.dataset.narrows);
    if (!target) { return; }
    var all = Array.prototype.slice.call(target.options, 1);  // the first is « Tous les départements »
    function apply() {
      var region = regionSelect.value;
      var selected = target.value;
      while (target.options.length > 1) { target.remove(1); }
      all.forEach(function (option) {
        if (!region || option.dataset.region === region) { target.add(option); }
      });
      target.value = Array.prototype.some.call(target.options, function (o) { return o.value === selected; }) ? selected : "";
    }
    regionSelect.addEventListener("change", apply);
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-narrows]").forEach(narrowDepartements);
  });
})();

// --- Innovation edit form (editform): unsaved changes, confirmations, confirmation in view ---
(function () {
  "use strict";

  function enhanceEditForm(form) {
    var dirty = false;
    var mark = function () { dirty = true; };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    // Submitting saves everything: no warning then.
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) { return; }
      event.preventDefault();
      event.returnValue = "";
    });
    // A button that also saves the draft but removes something asks first.
    form.querySelectorAll("button[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
      });
    });
    // After saving, the confirmation (or the stale-edit warning) is where the reader starts.
    var notice = document.getElementById("stale-edit");
    if (!notice && !document.getElementById("error-summary")) {
      notice = document.querySelector("main .fr-alert--success, main .fr-alert--error");
    }
    if (notice) {
      if (!notice.hasAttribute("tabindex")) { notice.setAttribute("tabindex", "-1"); }
      notice.focus();
      notice.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-unsaved-warning]").forEach(enhanceEditForm);
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
