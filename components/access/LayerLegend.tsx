import { DATA_LAYERS } from "@/lib/authz";
import { LAYER_NAMES, LAYER_QUESTIONS } from "./layer-words";

/** The layers in the order the engine asks them, each with its question. */
export function LayerLegend() {
  return (
    <ol className="grid list-decimal gap-1 pl-5 text-left text-sm text-slate-700">
      {[...DATA_LAYERS, "Default" as const].map((layer) => (
        <li key={layer}>
          <strong className="font-medium text-slate-900">{LAYER_NAMES[layer]}</strong> — {LAYER_QUESTIONS[layer]}
        </li>
      ))}
    </ol>
  );
}
