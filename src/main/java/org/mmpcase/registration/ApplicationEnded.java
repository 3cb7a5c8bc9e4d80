package org.mmpcase.registration;

/**
 * Published (in the case's transaction) when an application ends without a registration: denied, or closed because
 * it was never submitted. Features that hold something for a running application release it.
 */
public record ApplicationEnded(Application application) {
}
