/** Health, metrics and the actuator endpoints for operators. */
package org.mmpcase.operations;
