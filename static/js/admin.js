/* Administration: give an accessible name to the Select2 pickers (autocomplete fields) while
   nothing is chosen. Select2 names its combobox after the chosen item (a `title`); with none the
   name was empty (axe `aria-input-field-name`). The name then is the field's label. */
(function () {
  "use strict";

  function labelFor(rendered) {
    var selectId = rendered.id.replace(/^select2-/, "").replace(/-container$/, "");
    var label = document.querySelector('label[for="' + selectId + '"]');
    var text = label ? label.textContent : rendered.textContent;
    return text.replace(/\s*:\s*$/, "").trim();
  }

  function nameEmptyPickers() {
    document.querySelectorAll(".select2-selection__rendered[role='textbox']").forEach(function (rendered) {
      if (rendered.getAttribute("title")) {
        rendered.removeAttribute("aria-label");
      } else {
        var name = labelFor(rendered);
        if (name && rendered.getAttribute("aria-label") !== name) {
          rendered.setAttribute("aria-label", name);
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameEmptyPickers();
    new MutationObserver(nameEmptyPickers).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["title"],
    });
  });
})();
