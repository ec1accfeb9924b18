(async function render() {
  const root = document.getElementById('ops');
  const doc = await (await fetch('/api/docs')).json();
  const byTag = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) (byTag[op.tags[0]] ??= []).push({ path, method, op });
  }
  root.textContent = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    const heading = document.createElement('h2');
    heading.textContent = tag;
    root.append(heading);
    for (const { path, method, op } of ops) {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.innerHTML = `<span class="m ${method}"></span><code></code> — <span></span>`;
      summary.children[0].textContent = method;
      summary.children[1].textContent = path;
      summary.children[2].textContent = op.summary;
      const body = document.createElement('div');
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = op.description;
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody?.content['application/json'].schema }, null, 2);
      body.append(note, pre);
      details.append(summary, body);
      root.append(details);
    }
  }
})();
