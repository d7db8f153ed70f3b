/* The web chat page's script (served as a file: the page's CSP allows no inline script). */
(function () {
  "use strict";
  // The labels in every language, carried by the page as data (no inline script: CSP).
  const STRINGS = JSON.parse(document.getElementById("strings").textContent);
  const HISTORY = "ngoso-history-v1";
  const log = document.getElementById("log");
  const input = document.getElementById("text");
  const status = document.getElementById("status");
  let S = STRINGS[document.documentElement.lang];

  // The page's own labels, in the chat's language (it changes with /lang).
  function useLanguage(lang) {
    if (!STRINGS[lang]) return;
    S = STRINGS[lang];
    document.documentElement.lang = lang;
    document.title = S["web-title"];
    document.getElementById("intro").textContent = S["web-intro"];
    document.getElementById("send").textContent = S["web-send"];
    input.placeholder = S["web-placeholder"];
  }
  useLanguage(document.documentElement.lang);

  // The conversation is kept for this tab only (it survives a reload, not closing the tab):
  // phones are often shared within a family.
  let history = [];
  try { history = JSON.parse(sessionStorage.getItem(HISTORY) || "[]"); } catch (e) { history = []; }
  function save() { try { sessionStorage.setItem(HISTORY, JSON.stringify(history.slice(-200))); } catch (e) {} }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // Each answered message moves the conversation on, so every button shown so far belongs to
  // a question that is over, even when the new question has no buttons (the name question).
  function retireButtons() {
    log.querySelectorAll(".choices button").forEach(function (b) { b.disabled = true; });
    history.forEach(function (e) { if (e.buttons && e.buttons.length) e.old = true; });
  }

  // The text with its web addresses made links a finger can tap (built node by node: no
  // text ever becomes markup).
  function linkify(into, text) {
    const pattern = /https?:\/\/[^\s<>"]+/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      let url = match[0].replace(/[.,;:!?)\]]+$/, "");
      into.appendChild(document.createTextNode(text.slice(last, match.index)));
      const a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      into.appendChild(a);
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  function render(entry) {
    const div = document.createElement("div");
    div.className = "msg " + (entry.from === "me" ? "me" : "bot");
    linkify(div, entry.text || "");
    div.dataset.testid = entry.from === "me" ? "me" : "bot";
    if (entry.buttons && entry.buttons.length) {
      const box = document.createElement("div");
      box.className = "choices";
      entry.buttons.forEach(function (b) {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.label;
        if (b.primary) btn.className = "primary";
        btn.disabled = !!entry.old;
        btn.addEventListener("click", async function () {
          // One tap is one answer: a second quick tap must not answer the next question.
          const buttons = box.querySelectorAll("button");
          buttons.forEach(function (x) { x.disabled = true; });
          const answered = await send({ choice: b.id }, b.label);
          if (!answered && !entry.old) buttons.forEach(function (x) { x.disabled = false; });
        });
        box.appendChild(btn);
      });
      div.appendChild(box);
    }
    (entry.attachments || []).forEach(function (a) {
      const link = document.createElement("a");
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.className = "attachment";
      if (a.kind === "image") {
        const img = document.createElement("img");
        img.src = a.url;
        img.alt = a.caption || a.name.split("/").pop();
        link.appendChild(img);
      } else {
        link.textContent = "⬇ " + (a.caption || a.name.split("/").pop());
        link.setAttribute("download", a.name.split("/").pop());
      }
      div.appendChild(link);
    });
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  function add(entry) { history.push(entry); save(); render(entry); }

  // Sends one message; resolves true once the bot has answered it. A retry carries the same
  // id, so the server handles it once and gives back the answer it gave.
  async function send(body, shown) {
    body.id = newId();
    body.lang = document.documentElement.lang;
    if (shown) add({ from: "me", text: shown });
    let tries = 0;
    while (tries < 3) {
      tries += 1;
      try {
        const res = await fetch("/api/messages", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
        });
        const data = await res.json();
        status.textContent = "";
        if (!res.ok) { add({ from: "bot", text: data.error || String(res.status) }); return false; }
        if (data.lang) useLanguage(data.lang);
        if (data.replies && data.replies.length) retireButtons();
        (data.replies || []).forEach(function (r) { add({ from: "bot", text: r.text, buttons: r.buttons, attachments: r.attachments }); });
        return true;
      } catch (e) {
        status.textContent = S["web-offline"];
        await new Promise(function (r) { setTimeout(r, 1500 * tries); });
      }
    }
    return false;
  }

  async function poll() {
    try {
      const res = await fetch("/api/updates", { credentials: "same-origin" });
      if (res.ok) {
        const data = await res.json();
        (data.messages || []).forEach(function (m) { add({ from: "bot", text: m.text, buttons: m.buttons, attachments: m.attachments }); });
      }
    } catch (e) { /* the next poll tries again */ }
  }

  document.getElementById("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send({ text: text }, text);
  });

  history.forEach(function (e, i) {
    const later = history.slice(i + 1).some(function (x) { return x.buttons && x.buttons.length; });
    if (later) e.old = true;
    render(e);
  });
  // A tab opened again (or a new tab) goes on where the chat is: the bot asks its current
  // question again (a chat that never began is welcomed).
  async function resume() {
    for (let tries = 1; tries <= 3; tries += 1) {
      try {
        const res = await fetch("/api/resume", { method: "POST", credentials: "same-origin" });
        const data = await res.json();
        status.textContent = "";
        if (data.lang) useLanguage(data.lang);
        (data.replies || []).forEach(function (r) { add({ from: "bot", text: r.text, buttons: r.buttons, attachments: r.attachments }); });
        return;
      } catch (e) {
        status.textContent = S["web-offline"];
        await new Promise(function (r) { setTimeout(r, 1500 * tries); });
      }
    }
  }
  if (!history.length) resume();
  setInterval(poll, 4000);
  poll();
})();
