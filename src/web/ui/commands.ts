// Browser-side command panel of a charger on the overview: one small form per command with
// labelled fields, a confirmation before anything that changes the charger (Reset, Unlock,
// Remote start/stop, ChangeAvailability, ChangeConfiguration), the answer as a sentence with the
// raw frames one click away, and no second send while one is on its way.

export const COMMANDS_SCRIPT = `
  /** Actions that change the charger: the page asks before sending them. */
  const CONFIRMED = new Set(['Reset', 'UnlockConnector', 'RemoteStartTransaction', 'RemoteStopTransaction', 'RequestStartTransaction', 'RequestStopTransaction', 'ChangeAvailability', 'ChangeConfiguration', 'SetVariables']);

  function commandSpecs(charger) {
    const v16 = charger.protocol === 'ocpp1.6';
    const tx = charger.transaction && charger.transaction.id;
    const id = charger.id;
    return [
      { key: 'Reset', title: 'Reset', noun: 'reset', fields: [{ name: 'type', label: 'Kind', options: v16 ? ['Soft', 'Hard'] : ['OnIdle', 'Immediate'] }],
        call: (f) => ['Reset', { type: f.type }],
        confirm: (f) => 'Reset charger ' + id + ' (' + f.type + ')? It restarts; a running session may stop.' },
      { key: 'Unlock', title: 'Unlock connector', noun: 'unlock', fields: [{ name: 'connector', label: 'Connector', type: 'number', value: '1' }],
        call: (f) => ['UnlockConnector', v16 ? { connectorId: Number(f.connector) } : { evseId: Number(f.connector), connectorId: 1 }],
        confirm: (f) => 'Unlock connector ' + f.connector + ' of ' + id + '? A running session on it stops.' },
      { key: 'Remote start', title: 'Start charging', noun: 'remote start', fields: [{ name: 'connector', label: 'Connector', type: 'number', value: '1' }, { name: 'tag', label: 'Tag', value: 'PROXY' }],
        call: (f) => v16 ? ['RemoteStartTransaction', { connectorId: Number(f.connector), idTag: f.tag }]
          : ['RequestStartTransaction', { evseId: Number(f.connector), remoteStartId: Math.floor(Math.random() * 2147483646) + 1, idToken: { idToken: f.tag, type: 'Central' } }],
        confirm: (f) => 'Start charging on connector ' + f.connector + ' of ' + id + ' with tag ' + f.tag + '?' },
      { key: 'Remote stop', title: 'Stop charging', noun: 'remote stop', fields: [{ name: 'transaction', label: 'Transaction', value: tx || '', sync: 'transaction' }],
        call: (f) => v16 ? ['RemoteStopTransaction', { transactionId: Number(f.transaction) }] : ['RequestStopTransaction', { transactionId: String(f.transaction) }],
        confirm: (f) => 'Stop transaction ' + f.transaction + ' on ' + id + '?' },
      { key: 'Availability', title: 'Change availability', noun: 'availability change', fields: [{ name: 'connector', label: 'Connector (0: all)', type: 'number', value: '0' }, { name: 'type', label: 'Make it', options: ['Operative', 'Inoperative'] }],
        call: (f) => v16 ? ['ChangeAvailability', { connectorId: Number(f.connector), type: f.type }]
          : ['ChangeAvailability', Number(f.connector) === 0 ? { operationalStatus: f.type } : { operationalStatus: f.type, evse: { id: Number(f.connector) } }],
        confirm: (f) => 'Make ' + (Number(f.connector) === 0 ? 'charger ' + id : 'connector ' + f.connector + ' of ' + id) + ' ' + f.type + '?' },
      { key: 'Change configuration', title: 'Change configuration', noun: 'configuration change',
        fields: v16 ? [{ name: 'key', label: 'Key', value: 'HeartbeatInterval' }, { name: 'value', label: 'Value', value: '300' }]
          : [{ name: 'component', label: 'Component', value: 'OCPPCommCtrlr' }, { name: 'key', label: 'Variable', value: 'HeartbeatInterval' }, { name: 'value', label: 'Value', value: '300' }],
        call: (f) => v16 ? ['ChangeConfiguration', { key: f.key, value: f.value }]
          : ['SetVariables', { setVariableData: [{ component: { name: f.component }, variable: { name: f.key }, attributeValue: f.value }] }],
        confirm: (f) => 'Set ' + f.key + ' = ' + f.value + ' on ' + id + '?' },
      { key: 'Get configuration', title: 'Read configuration', noun: 'request', fields: v16 ? [{ name: 'key', label: 'Key (empty: all)', value: '' }] : [{ name: 'component', label: 'Component', value: 'OCPPCommCtrlr' }, { name: 'key', label: 'Variable', value: 'HeartbeatInterval' }],
        call: (f) => v16 ? ['GetConfiguration', f.key ? { key: [f.key] } : {}] : ['GetVariables', { getVariableData: [{ component: { name: f.component }, variable: { name: f.key } }] }] },
      { key: 'Trigger', title: 'Ask for a message', noun: 'trigger', fields: [{ name: 'message', label: 'Message', options: v16 ? ['StatusNotification', 'MeterValues', 'Heartbeat', 'BootNotification'] : ['StatusNotification', 'MeterValues', 'Heartbeat', 'BootNotification', 'TransactionEvent'] }],
        call: (f) => ['TriggerMessage', { requestedMessage: f.message }] },
    ];
  }

  /** The charger's answer to a command, as a sentence. */
  function answerSentence(spec, reply) {
    if (!reply.ok) {
      if (reply.status === 504) return ['bad', 'No answer from the charger in time (' + (reply.body.error || 'timeout') + ').'];
      if (reply.status === 404) return ['bad', 'Not sent: the charger is not connected.'];
      return ['bad', 'Not sent (' + reply.status + '): ' + (reply.body.error || 'refused') + '.'];
    }
    const { result, payload } = reply.body;
    if (result === 'CALLERROR') return ['bad', 'The charger answered the ' + spec.noun + ' with an error' + (reply.body.error_code ? ': ' + reply.body.error_code : '') + '.'];
    const p = payload || {};
    if (Array.isArray(p.configurationKey)) return ['ok', 'The charger sent ' + p.configurationKey.length + ' setting' + (p.configurationKey.length === 1 ? '' : 's') + (p.unknownKey && p.unknownKey.length ? '; it does not know ' + p.unknownKey.join(', ') : '') + '.'];
    if (Array.isArray(p.getVariableResult)) return ['ok', p.getVariableResult.map((r) => (r.variable && r.variable.name) + ': ' + (r.attributeStatus === 'Accepted' ? r.attributeValue : r.attributeStatus)).join(', ')];
    if (Array.isArray(p.setVariableResult)) return answerStatus(spec, p.setVariableResult[0] && p.setVariableResult[0].attributeStatus);
    return answerStatus(spec, p.status);
  }
  function answerStatus(spec, status) {
    switch (status) {
      case 'Accepted': return ['ok', 'The charger accepted the ' + spec.noun + '.'];
      case 'Rejected': return ['bad', 'The charger rejected the ' + spec.noun + '.'];
      case 'Scheduled': return ['ok', 'The charger accepted the ' + spec.noun + '; it follows once the charger is idle.'];
      case 'RebootRequired': return ['warn', 'The charger accepted the ' + spec.noun + '; it takes effect after a reboot.'];
      case 'NotSupported': return ['warn', 'The charger does not support this ' + spec.noun + '.'];
      case 'UnknownKey': case 'UnknownVariable': case 'UnknownComponent': return ['warn', 'The charger does not know this setting.'];
      case 'Unlocked': return ['ok', 'The charger unlocked the connector.'];
      case 'UnlockFailed': return ['bad', 'The charger could not unlock the connector.'];
      case 'OngoingAuthorizedTransaction': return ['warn', 'The charger did not unlock: a session is running on it.'];
      case 'UnknownConnector': return ['bad', 'The charger has no such connector.'];
      case undefined: case null: return ['ok', 'The charger answered the ' + spec.noun + '.'];
      default: return ['warn', 'The charger answered the ' + spec.noun + ': ' + status + '.'];
    }
  }

  function commandPanel(charger) {
    const result = el('div', { class: 'result', 'aria-live': 'polite' });
    const buttons = [];
    const synced = [];
    let busy = false;
    async function run(spec, action, payload, label) {
      if (busy) return;
      if (CONFIRMED.has(action) && !window.confirm(label)) { result.replaceChildren(el('p', { class: 'sentence muted' }, 'Not sent.')); return; }
      busy = true;
      buttons.forEach((b) => { b.disabled = true; });
      result.replaceChildren(el('p', { class: 'sentence muted' }, 'Sending ' + action + '…'));
      let reply;
      try { reply = await send('POST', 'api/chargers/' + encodeURIComponent(charger.id) + '/call', { action, payload }); }
      catch (error) { reply = { ok: false, status: 0, body: { error: String(error.message || error) } }; }
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
      const [tone, text] = answerSentence(spec, reply);
      const raw = reply.body.frames ? [reply.body.frames.sent, reply.body.frames.answer].filter(Boolean).map((f) => { try { return JSON.stringify(JSON.parse(f), null, 2); } catch { return f; } }).join('\\n\\n') : JSON.stringify(reply.body, null, 2);
      result.replaceChildren(el('p', { class: 'sentence ' + tone }, text), el('details', {}, el('summary', {}, 'raw frames'), el('pre', { class: 'raw' }, raw)));
    }
    const forms = commandSpecs(charger).map((spec) => {
      const inputs = {};
      const fields = spec.fields.map((f) => {
        const input = f.options ? el('select', { name: f.name }, ...f.options.map((o) => el('option', { value: o }, o)))
          : el('input', { name: f.name, type: f.type || 'text', value: f.value, inputmode: f.type === 'number' ? 'numeric' : undefined, min: f.type === 'number' ? '0' : undefined, size: '10' });
        if (f.sync) synced.push([input, f.sync]);
        inputs[f.name] = input;
        return el('label', {}, el('span', { class: 'small muted' }, f.label), input);
      });
      const button = el('button', { type: 'submit', 'data-command': spec.key, class: spec.confirm ? 'danger' : undefined }, spec.title + (spec.confirm ? '…' : ''));
      buttons.push(button);
      const form = el('form', { class: 'cmd', onsubmit: (event) => {
        event.preventDefault();
        const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
        const [action, payload] = spec.call(values);
        void run(spec, action, payload, spec.confirm ? spec.confirm(values) : '');
      } }, el('div', { class: 'cmd-title' }, spec.title), ...fields, button);
      return form;
    });
    const action = el('input', { name: 'action', size: '22', 'aria-label': 'action', placeholder: 'e.g. GetCompositeSchedule' });
    const payload = el('textarea', { name: 'payload', rows: '3', 'aria-label': 'payload (JSON)', placeholder: '{ }' });
    const anyButton = el('button', { type: 'submit', 'data-command': 'any' }, 'Send…');
    buttons.push(anyButton);
    const any = el('details', { class: 'any-call' }, el('summary', {}, 'Any OCPP call (for installers)'),
      el('form', { class: 'toolbar', onsubmit: (event) => {
        event.preventDefault();
        let body;
        try { body = JSON.parse(payload.value.trim() || '{}'); } catch (error) { result.replaceChildren(el('p', { class: 'sentence bad' }, 'The payload is not JSON: ' + error.message)); return; }
        const name = action.value.trim();
        void run({ noun: name + ' call' }, name, body, 'Send ' + name + ' to ' + charger.id + '? It may change the charger.');
      } }, el('label', {}, 'Action ', action), el('label', {}, 'Payload ', payload), anyButton));
    const panel = el('div', { class: 'commands-body' }, el('div', { class: 'cmd-grid' }, ...forms), any, result);
    panel.sync = (next) => { for (const [input, key] of synced) if (document.activeElement !== input && key === 'transaction') input.value = (next.transaction && next.transaction.id) || ''; };
    return panel;
  }
`;

export const COMMANDS_STYLE = `
  .cmd-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 210px), 1fr)); gap: 10px; margin: 6px 0 10px; }
  .cmd { display: flex; flex-direction: column; gap: 6px; padding: 10px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); }
  .cmd-title { font-weight: 600; }
  .cmd label { display: flex; flex-direction: column; gap: 2px; }
  .cmd input, .cmd select { width: 100%; }
  .cmd button { margin-top: auto; }
  .any-call textarea { width: min(100%, 420px); }
  .any-call form { margin-top: 6px; }
  .result .sentence { margin: 6px 0 2px; font-weight: 600; }
`;
