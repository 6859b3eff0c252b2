// Frames to the charger leave in the order they were given, even when one of them has to wait
// (with shared state, the answer to a transaction Call waits for its commit): whatever comes
// after it (a CSMS's RemoteStop for that transaction, the next answer) waits behind it.

export class OrderedSends {
  /** Frames held behind a waiting one, in order; null while nothing waits. */
  private held: Array<Buffer | string> | null = null;
  private gate: Promise<unknown> | null = null;

  /** Takes `data` when frames are waiting (true: the caller sends nothing now). */
  holds(data: Buffer | string): boolean {
    if (this.held === null) return false;
    this.held.push(data);
    return true;
  }

  /** `data` leaves once `until` settles, and so does everything given after it. `send` sends for real. */
  after(until: Promise<unknown>, data: Buffer | string, send: (data: Buffer | string) => void): void {
    (this.held ??= []).push(data);
    const gate = (this.gate = Promise.all([this.gate, until]).then(
      () => undefined,
      () => undefined,
    ));
    void gate.then(() => {
      if (this.gate !== gate) return; // a later frame waits too: all go together after it
      const frames = this.held ?? [];
      this.held = null;
      this.gate = null;
      for (const frame of frames) send(frame);
    });
  }
}
