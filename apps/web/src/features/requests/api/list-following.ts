import { useRequestList } from './list-requests';

/** What the signed-in user follows (the first 200, more than anyone follows), for My requests and the Follow button. */
export const followingParams = { following: 'true' };
export const useFollowing = () => useRequestList(followingParams);
