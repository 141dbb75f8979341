import { HttpProblem } from '../../errors';

/** 422 naming `selfServeKit.url`: a kit is opened by requesters, so only web links pass. */
export const kitUrlInvalid = (message: string) =>
  new HttpProblem(422, 'request_type.kit_url_invalid', `selfServeKit.url: ${message}`, [{ path: 'selfServeKit.url', message }]);

/** 422 naming each `selfServeKit.departmentIds.N` that is not a department. */
export const kitUnknownDepartments = (indexes: number[]) =>
  new HttpProblem(
    422,
    'request_type.kit_unknown_department',
    'Offer the kit to departments that exist.',
    indexes.map((i) => ({ path: `selfServeKit.departmentIds.${i}`, message: 'is not a department' })),
  );

/** 409 when the type offers no kit to the caller's department: there was nothing to use. */
export const kitNotOffered = () =>
  new HttpProblem(409, 'request_type.kit_not_offered', 'This request type has no self-serve kit for your department.');
