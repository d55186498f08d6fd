import type { ActionResult, ActionState } from "@/components/ui/action-result";

/** A catalog server action as its forms receive it. */
export type CatalogAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
