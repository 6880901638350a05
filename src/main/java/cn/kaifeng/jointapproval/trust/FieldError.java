package cn.kaifeng.jointapproval.trust;

/** One refused field of a submission and why, in Chinese. */
public record FieldError(String field, String message) {
}
