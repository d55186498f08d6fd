"use client";

import type { ComponentProps } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./Button";

type SubmitButtonProps = Omit<ComponentProps<typeof Button>, "type" | "loading">;

/** Submit button for its enclosing <form>: shows a spinner and blocks re-submits while the action runs. */
export function SubmitButton({ variant = "primary", ...rest }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return <Button type="submit" variant={variant} loading={pending} {...rest} />;
}
