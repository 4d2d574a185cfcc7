/* Copy buttons on the communication kit page.
   A button with data-copy-target="ID" copies the text of the element with that id.
   Buttons are hidden in the HTML and shown here, so without JavaScript none is offered.
   What the button says afterwards comes, in the page's language, from data-copy-done and
   data-copy-failed on an element around it (the kit page's outer div).
   Event delegation on document keeps it working with Material's instant navigation. */
(function () {
  "use strict";

  function showButtons() {
    document.querySelectorAll("button[data-copy-target][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  // An overriding kit.html without the attributes keeps the Dutch messages of old.
  function messageFor(button, name, fallback) {
    var holder = button.closest("[" + name + "]");
    return (holder && holder.getAttribute(name)) || fallback;
  }

  function announce(button, message) {
    var status = button.parentNode && button.parentNode.querySelector("[role=status]");
    if (status) {
      status.textContent = message;
      window.setTimeout(function () {
        status.textContent = "";
      }, 4000);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy-target]");
    if (!button) {
      return;
    }
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) {
      return;
    }
    copy(target.textContent).then(
      function () {
        announce(button, messageFor(button, "data-copy-done", "Gekopieerd."));
      },
      function () {
        announce(
          button,
          messageFor(
            button,
            "data-copy-failed",
            "Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf."
          )
        );
      }
    );
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(showButtons);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showButtons);
  } else {
    showButtons();
  }
})();
