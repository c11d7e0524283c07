(function () {
  "use strict";
  var body = document.body;
  window.onerror = function () {
    body.setAttribute("data-js", "error");
  };
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // Filters: a finding is shown unless its severity or its rule is unticked.
  var boxes = all("input[data-filter]");
  function applyFilters() {
    var off = {};
    boxes.forEach(function (box) {
      if (!box.checked) {
        off[box.getAttribute("data-filter") + ":" + box.value] = true;
      }
    });
    var shown = {};
    all("[data-finding]").forEach(function (el) {
      var hide = off["sev:" + el.getAttribute("data-sev")] || off["rule:" + el.getAttribute("data-rule")];
      el.hidden = !!hide;
      if (!hide) {
        shown[el.getAttribute("data-finding")] = true;
      }
    });
    all("[data-findings]").forEach(function (el) {
      var any = el.getAttribute("data-findings").split(" ").some(function (id) {
        return shown[id];
      });
      el.classList.toggle("filtered", !any);
    });
    all("details.doc").forEach(function (doc) {
      var n = all(".doc-findings li[data-finding]", doc).filter(function (li) {
        return !li.hidden;
      }).length;
      all("[data-count-of='" + doc.id + "']").forEach(function (count) {
        count.textContent = String(n);
      });
    });
  }
  boxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });

  // A link into a collapsed document opens it.
  function reveal(id) {
    var el = id && document.getElementById(id);
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") {
        p.open = true;
      }
    }
  }
  function revealHash() {
    if (location.hash.length > 1) {
      reveal(decodeURIComponent(location.hash.slice(1)));
    }
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (a) {
      reveal(a.getAttribute("href").slice(1));
    }
  });
  window.addEventListener("hashchange", revealHash);
  revealHash();

  // Open all documents, only those with findings, or none.
  all("button[data-open]").forEach(function (button) {
    button.addEventListener("click", function () {
      var which = button.getAttribute("data-open");
      all("details.doc").forEach(function (doc) {
        doc.open = which === "all" || (which === "findings" && doc.querySelector("li[data-finding]") !== null);
      });
    });
  });

  applyFilters();
  body.setAttribute("data-js", "ok");
})();
