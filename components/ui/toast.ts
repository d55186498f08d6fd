/** A tiny toast store; <Toaster /> renders it. Call toast() from client code (event handlers, effects). */

export type ToastTone = "info" | "success" | "danger";
export type ToastItem = { id: number; message: string; description?: string; tone: ToastTone };

const AUTO_DISMISS_MS = 6000;
const noToasts: readonly ToastItem[] = [];

let toasts: readonly ToastItem[] = noToasts;
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly ToastItem[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function toast(message: string, options: { tone?: ToastTone; description?: string } = {}): number {
  // On the server this module is shared by every request, so it must never hold state there.
  if (typeof window === "undefined") return 0;
  const id = nextId++;
  const item: ToastItem = {
    id,
    message,
    tone: options.tone ?? "info",
    ...(options.description ? { description: options.description } : {}),
  };
  publish([...toasts, item]);
  // Errors stay until dismissed so they can be read at leisure.
  if (item.tone !== "danger") window.setTimeout(() => dismissToast(id), AUTO_DISMISS_MS);
  return id;
}

export function dismissToast(id: number): void {
  if (toasts.some((item) => item.id === id)) publish(toasts.filter((item) => item.id !== id));
}

export const toastStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  getSnapshot: () => toasts,
  getServerSnapshot: () => noToasts,
};
