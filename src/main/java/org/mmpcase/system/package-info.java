/** The wiring on top: security chains, model deployment, demo data, staff authorizations, engine table migrations. */
package org.mmpcase.system;
