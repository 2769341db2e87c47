/**
 * The floor: a bare Socket.IO server with the app's options (same version, WebSocket, plain
 * JSON text, no compression) and no app logic or storage. Phones join one room; the controller
 * asks for a broadcast of a payload the size of a real event, and the room gets it in one emit.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerProbes } from './probe';

const http = createServer();
const io = new Server(http, {
  maxHttpBufferSize: 100 * 1024,
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
});
io.on('connection', (socket) => {
  (socket.request as { res?: unknown }).res = undefined;
  socket.on('floor:join', (_payload: unknown, ack: (r: { ok: true }) => void) => {
    socket.join('room');
    ack({ ok: true });
  });
  socket.on('floor:broadcast', (events: unknown, ack: (r: { ok: true }) => void) => {
    ack({ ok: true });
    io.to('room').emit('meeting:events', events);
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  answerProbes(typeof address === 'object' && address ? address.port : 0, () => {});
});
