/** The DCP review: the review process, its decisions and their record, Tasklist filters. */
package org.mmpcase.review;
