// The in-process half every bus shares: subscribers per topic and problem listeners. A handler that
// throws is reported and does not keep the message from the other handlers.
import type { BusMessages, BusProblem, BusTopic } from './bus.js';

export class BusDispatch {
  private readonly handlers = new Map<BusTopic, Set<(message: never) => void>>();
  private readonly problemListeners = new Set<(problem: BusProblem) => void>();

  subscribe<T extends BusTopic>(topic: T, handler: (message: BusMessages[T]) => void): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    const h = handler as (message: never) => void;
    set.add(h);
    return () => void set.delete(h);
  }

  hasSubscribers(topic: BusTopic): boolean {
    return (this.handlers.get(topic)?.size ?? 0) > 0;
  }

  deliver<T extends BusTopic>(topic: T, message: BusMessages[T]): void {
    for (const handler of [...(this.handlers.get(topic) ?? [])]) {
      try {
        (handler as (m: BusMessages[T]) => void)(message);
      } catch (error) {
        this.report({ code: 'handler-failed', topic, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  onProblem(listener: (problem: BusProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => void this.problemListeners.delete(listener);
  }

  report(problem: BusProblem): void {
    for (const listener of [...this.problemListeners]) {
      try {
        listener(problem);
      } catch {
        // A failing logger must not take the bus down with it.
      }
    }
  }

  clear(): void {
    this.handlers.clear();
    this.problemListeners.clear();
  }
}
