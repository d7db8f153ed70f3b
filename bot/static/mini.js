// The ward's pages opened inside Telegram (a Mini App): Telegram puts the launch data it
// signed in the address's fragment; the server checks the signature and opens a session.
(function () {
  "use strict";
  const status = document.getElementById("status");
  const launch = new URLSearchParams(window.location.hash.slice(1));
  const initData = launch.get("tgWebAppData");
  function failed() {
    status.textContent = status.dataset.failed;
  }
  if (!initData) {
    failed();
    return;
  }
  fetch("/quan-ly/telegram/vao", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ init_data: initData }),
    credentials: "same-origin",
  })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (data && data.go) {
        window.location.replace(data.go);
      } else {
        failed();
      }
    })
    .catch(failed);
})();
