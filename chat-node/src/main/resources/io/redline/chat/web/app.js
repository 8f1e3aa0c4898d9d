// Redline chat page: plain JavaScript, no build step. Message text is always set with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { socket: null, room: null, lastId: null, userId: null, name: null, retry: 0 };

function userId() {
  let id = localStorage.getItem('redline-user');
  if (!id) {
    id = 'u-' + Math.random().toString(36).slice(2, 12);
    localStorage.setItem('redline-user', id);
  }
  return id;
}

function status(text) { $('status').textContent = text; }
function showError(text) { $('error').textContent = text || ''; }

function addMessage(message) {
  if (document.querySelector('[data-id="' + CSS.escape(message.id) + '"]')) return;
  const item = document.createElement('li');
  item.dataset.id = message.id;
  const when = document.createElement('span');
  when.className = 'when';
  when.textContent = new Date(message.timestamp).toLocaleTimeString();
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = message.userName;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = message.content;
  item.append(when, who, text);
  $('messages').append(item);
  item.scrollIntoView({ block: 'end' });
  state.lastId = message.id;
}

function showMembers(members) {
  const list = $('members');
  list.replaceChildren();
  for (const member of members) {
    const item = document.createElement('li');
    item.textContent = member.userName;
    list.append(item);
  }
}

function connect() {
  // where the nodes require connection tokens (CHAT_TOKEN_SECRET), the page is opened with ?token=... and passes it on
  const token = new URLSearchParams(location.search).get('token');
  const query = new URLSearchParams(token ? { token } : { user: state.userId, name: state.name });
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/ws?' + query);
  state.socket = socket;
  status('connecting…');
  socket.onopen = () => {
    state.retry = 0;
    status('connected as ' + state.name);
    const join = { type: 'join', room: state.room };
    if (state.lastId) join.since = state.lastId;
    socket.send(JSON.stringify(join));
  };
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'history') {
      frame.messages.forEach(addMessage);
      showMembers(frame.members || []);
      $('content').disabled = false;
      $('content').focus();
    } else if (frame.type === 'message' && frame.message.roomId === state.room) {
      addMessage(frame.message);
    } else if (frame.type === 'presence' && frame.room === state.room) {
      showMembers(frame.members);
    } else if (frame.type === 'error') {
      showError(frame.message + ' (' + frame.code + ')');
    }
  };
  socket.onclose = () => {
    $('content').disabled = true;
    if (state.socket !== socket) return;
    const delay = Math.min(10000, 500 * 2 ** state.retry++);
    status('disconnected; retrying in ' + Math.round(delay / 1000) + ' s');
    setTimeout(connect, delay);
  };
}

$('join').addEventListener('submit', (event) => {
  event.preventDefault();
  state.userId = userId();
  state.name = $('name').value.trim();
  state.room = $('room').value.trim();
  state.lastId = null;
  $('room-name').textContent = state.room;
  $('messages').replaceChildren();
  showError('');
  const previous = state.socket;
  state.socket = null;
  if (previous) previous.close();
  connect();
});

$('send').addEventListener('submit', (event) => {
  event.preventDefault();
  const content = $('content').value;
  if (!content.trim() || !state.socket || state.socket.readyState !== WebSocket.OPEN) return;
  showError('');
  state.socket.send(JSON.stringify({ type: 'send', room: state.room, content }));
  $('content').value = '';
});
