import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeError, type FieldErrors, fieldErrorsOf, unplacedFieldErrors } from '../api/errors.ts';

export interface ApiMutationOptions<TVars, TData> {
  /** Query keys (prefixes) to refetch after success, e.g. `[patientKeys.all]`. */
  invalidates?: QueryKey[] | ((data: TData, vars: TVars) => QueryKey[]);
  /** Runs after a success, once the invalidated queries have been told to refetch. */
  onSuccess?: (data: TData, vars: TVars) => void;
}

type MutationResult<TData> = { ok: true; data: TData } | { ok: false; error: unknown };

export interface ApiMutation<TVars, TData> {
  /** True while the request is in flight: submit buttons show loading and are disabled. */
  busy: boolean;
  /** What the request in flight (or the last one) was sent with. */
  variables: TVars | undefined;
  /** The answer of the last successful request (until `reset`). */
  data: TData | undefined;
  /** The last failure (for `<ErrorAlert error=…>`), or null. */
  error: unknown;
  /** The last failure in plain words, or null. */
  message: string | null;
  /** Field errors of the last failure (`validation_failed`), keyed like the form's field names. */
  fieldErrors: FieldErrors;
  /** Field errors no field of the form shows, as sentences (for the error box). */
  unplaced: (shownFields: readonly string[]) => string[];
  /** Forgets the field error of `field` (the user is typing in it again). */
  clearField: (field: string) => void;
  /**
   * Sends the request. Resolves `{ ok: true, data }`, or `{ ok: false, error }` after a failure: the failure
   * is state (`error`, `fieldErrors`), never thrown, and nothing the user typed is touched.
   */
  run: (vars: TVars) => Promise<MutationResult<TData>>;
  /** Clears the error state (a dialog closed, a new attempt). */
  reset: () => void;
}

/**
 * The one way screens change server state: `useMutation` plus the app's error conventions. Busy,
 * general error and field errors are reported the same way by every form; invalidation names the
 * queries the change makes stale, through each feature's key factory (`features/<domain>/queries.ts`).
 */
export function useApiMutation<TVars, TData>(
  mutationFn: (vars: TVars) => Promise<TData>,
  options: ApiMutationOptions<TVars, TData> = {},
): ApiMutation<TVars, TData> {
  const queries = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const mutation = useMutation<TData, unknown, TVars>({
    mutationFn,
    onMutate: () => setFieldErrors({}),
    onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    onSuccess: async (data, vars) => {
      const { invalidates = [] } = options;
      const keys = typeof invalidates === 'function' ? invalidates(data, vars) : invalidates;
      await Promise.all(keys.map((queryKey) => queries.invalidateQueries({ queryKey })));
      options.onSuccess?.(data, vars);
    },
  });
  const { mutateAsync, reset: resetMutation } = mutation;

  const run = useCallback(
    (vars: TVars) =>
      mutateAsync(vars).then(
        (data): MutationResult<TData> => ({ ok: true, data }),
        // The failure is also kept in the mutation's state, for the form to show.
        (error: unknown): MutationResult<TData> => ({ ok: false, error }),
      ),
    [mutateAsync],
  );
  const clearField = useCallback(
    (field: string) =>
      setFieldErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _, ...rest } = current;
        return rest;
      }),
    [],
  );
  const reset = useCallback(() => {
    setFieldErrors({});
    resetMutation();
  }, [resetMutation]);

  const error = mutation.error ?? null;
  return {
    busy: mutation.isPending,
    data: mutation.data,
    variables: mutation.variables,
    error,
    message: error ? describeError(error) : null,
    fieldErrors,
    unplaced: (shown) => unplacedFieldErrors(fieldErrors, shown),
    clearField,
    run,
    reset,
  };
}
