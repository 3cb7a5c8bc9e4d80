/**
 * The reviewer workspace at {@code /review/}: DCP staff's queue of reviews (a projection of the engine's tasks kept
 * in the engine's own transaction), the case screen that puts each document next to the facts, and the decision
 * with the review task's Camunda Form. Staff are Camunda users; the engine decides what they may see and do.
 */
package org.mmpcase.workspace;
