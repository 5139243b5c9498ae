// A real WebSocket client for tests: keeps every frame and waits for the next one of a type.
import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { type: string };

export class Peer {
  readonly frames: Frame[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.frames.push(JSON.parse(String(d)) as Frame));
  }
  static async open(url: string): Promise<Peer> {
    const ws = new WebSocket(url);
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    return new Peer(ws);
  }
  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }
  async next(type: string, match: (f: Frame) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.frames.find((f) => f.type === type && match(f));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no ${type} frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
  }
  close(): void {
    this.ws.close();
  }
}

/** A TV says hello and a phone pairs with it by its code, as a viewer and a sender would. */
export async function pairTvAndPhone(url: string, name: string): Promise<{ tv: Peer; welcome: Frame; phone: Peer; paired: Frame }> {
  const tv = await Peer.open(url);
  tv.send({ type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome');
  const phone = await Peer.open(url);
  phone.send({ type: 'phone.pair', code: welcome.pairingCode, name });
  const paired = await phone.next('phone.paired');
  return { tv, welcome, phone, paired };
}
