/* campaignkit: filter cards (actions by theme and audience, teams by kind and action), and
 * make Material's header controls usable from the keyboard.
 * Each group of checkboxes named N filters on the cards' data-N attribute (values separated
 * by spaces); a card without values matches when the group's fieldset says
 * data-ck-empty-matches (an action without a stated audience is for everyone).
 * Without JavaScript every card stays visible and the filter form stays hidden. */
(function () {
  "use strict";

  function checked(form, name) {
    var values = [];
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) values.push(inputs[i].value);
    }
    return values;
  }

  function matches(wanted, values, emptyMatches) {
    if (!wanted.length) return true;
    if (!values.length) return emptyMatches;
    for (var i = 0; i < wanted.length; i++) {
      if (values.indexOf(wanted[i]) !== -1) return true;
    }
    return false;
  }

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("data-ck-filter"));
    var status = form.querySelector("[data-ck-count]");
    if (!list || !status) return;
    var cards = list.querySelectorAll("[data-ck-card]");

    function describe(count) {
      if (count === 0) return form.getAttribute("data-count-zero");
      if (count === 1) return form.getAttribute("data-count-one");
      return form.getAttribute("data-count-other").replace("{count}", String(count));
    }

    var groups = [];
    var inputs = form.querySelectorAll('input[type="checkbox"][name]');
    for (var g = 0; g < inputs.length; g++) {
      var name = inputs[g].name;
      if (groups.some(function (group) { return group.name === name; })) continue;
      var fieldset = inputs[g].closest("fieldset");
      groups.push({
        name: name,
        emptyMatches: !!(fieldset && fieldset.hasAttribute("data-ck-empty-matches")),
      });
    }

    function update() {
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var card = cards[i];
        var visible = true;
        for (var j = 0; j < groups.length && visible; j++) {
          var values = (card.getAttribute("data-" + groups[j].name) || "")
            .split(" ")
            .filter(Boolean);
          visible = matches(checked(form, groups[j].name), values, groups[j].emptyMatches);
        }
        card.hidden = !visible;
        if (visible) shown += 1;
      }
      status.textContent = describe(shown);
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () {
      window.setTimeout(update, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    // Open on wide screens; on phones the filters stay folded away above the cards.
    var details = form.querySelector("details");
    if (details && window.matchMedia && window.matchMedia("(min-width: 60em)").matches) {
      details.open = true;
    }
    // Count first, then show: the live region only announces what changes afterwards.
    update();
    form.hidden = false;
  }

  // Material opens its menu and search with <label for="..."> elements, which the
  // keyboard cannot reach on small screens. Put a real button in front of each (same look,
  // named after what it opens) that clicks the label, so Material's own handlers still run;
  // the label itself stays in the page for Material and for browsers without JavaScript.
  function headerButtons() {
    var names = {
      __drawer: document.querySelector(".md-nav--primary"),
      __search: document.querySelector(".md-search__input"),
    };
    var labels = document.querySelectorAll("label.md-header__button[for]");
    for (var i = 0; i < labels.length; i++) {
      (function (label) {
        var target = label.getAttribute("for");
        var toggle = document.getElementById(target);
        if (!toggle || !(target in names)) return;
        var source = names[target];
        var name = source && (source.getAttribute("aria-label") || source.getAttribute("placeholder"));
        var button = document.createElement("button");
        button.type = "button";
        button.className = label.className;
        button.setAttribute("data-ck-for", target);
        button.innerHTML = label.innerHTML;
        if (name) button.setAttribute("aria-label", name);
        if (target === "__drawer") {
          button.setAttribute("aria-expanded", String(toggle.checked));
          toggle.addEventListener("change", function () {
            button.setAttribute("aria-expanded", String(toggle.checked));
          });
        }
        button.addEventListener("click", function () {
          label.click();
          // The search field can only take the focus once it is shown, after the click.
          if (target === "__search" && toggle.checked && source) source.focus();
        });
        label.setAttribute("data-ck-replaced", "");
        label.parentNode.insertBefore(button, label);
      })(labels[i]);
    }
    // Material's search is a dialog without a name: give it the search field's name.
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var field = names.__search;
    if (dialog && field && !dialog.hasAttribute("aria-label")) {
      var label = field.getAttribute("aria-label") || field.getAttribute("placeholder");
      if (label) dialog.setAttribute("aria-label", label);
    }
    var drawer = document.getElementById("__drawer");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer && drawer.checked) {
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change"));
        var button = document.querySelector('button[data-ck-for="__drawer"]');
        if (button) button.focus();
      }
    });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-ck-filter]");
    for (var i = 0; i < forms.length; i++) setUp(forms[i]);
    headerButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
