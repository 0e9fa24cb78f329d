// portalwatch review: small helpers; the pages work without them.
(function () {
  "use strict";
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // Filter menus submit on change; empty fields stay out of the address.
  $$("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.requestSubmit(); });
  });
  $$("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      $$("input, select", form).forEach(function (el) { if (el.name && el.value === "") { el.disabled = true; } });
    });
  });

  // Column tree: open or close every branch.
  $$("[data-tree]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var open = btn.getAttribute("data-tree") === "open";
      $$("#column-tree details").forEach(function (d) { d.open = open; });
    });
  });

  // Findings list: selection count, select all, reason box, confirmation of big bulk actions.
  var bulk = $("#bulk");
  if (bulk) {
    var boxes = $$("input[name=ids]");
    var all = $("#check-all");
    var count = $("#selected-count");
    var update = function () {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      count.textContent = n;
      if (all) { all.checked = n > 0 && n === boxes.length; all.indeterminate = n > 0 && n < boxes.length; }
      if (n > 0) { bulk.querySelector("input[name=scope][value=selected]").checked = true; }
    };
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    if (all) {
      all.addEventListener("change", function () {
        boxes.forEach(function (b) { b.checked = all.checked; });
        update();
      });
    }
    var decision = $("#bulk-decision");
    var reason = $("#bulk-reason");
    var showReason = function () { reason.hidden = decision.value !== "dismissed"; };
    decision.addEventListener("change", showReason);
    showReason();
    bulk.addEventListener("submit", function (ev) {
      var scope = bulk.querySelector("input[name=scope]:checked").value;
      var n = scope === "filter" ? Number($("#scope-filter").getAttribute("data-total")) : Number(count.textContent);
      if (n === 0) { ev.preventDefault(); alert("请先勾选要处理的问题。"); return; }
      if (decision.value === "dismissed") {
        var r = bulk.querySelector("select[name=reason]").value;
        var t = $("#bulk-reason-text").value.trim();
        if (!r || (r === "其他" && !t)) { ev.preventDefault(); alert("排除需要填写理由。"); return; }
      }
      var label = decision.options[decision.selectedIndex].text;
      if (!window.confirm("确定对 " + n + " 条问题执行“" + label + "”？")) { ev.preventDefault(); }
    });
  }

  // Finding detail: a dismissal needs a reason.
  var decide = $("#decide-form");
  if (decide) {
    var dismiss = $("#btn-dismiss");
    dismiss.addEventListener("click", function (ev) {
      var r = $("#reason-choice").value;
      var t = $("#reason-text").value.trim();
      if (!r || (r === "其他" && !t)) {
        ev.preventDefault();
        $("#reason-hint").hidden = false;
        (r ? $("#reason-text") : $("#reason-choice")).focus();
      }
    });
    var note = $("#btn-note");
    note.addEventListener("click", function (ev) {
      if (!$("#note").value.trim()) { ev.preventDefault(); $("#note").focus(); }
    });
  }
})();
