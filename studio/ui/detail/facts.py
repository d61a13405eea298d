"""The words the detail view shows about an image: settings, usage, cost, size. No widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from studio.domain.model_spec import ModelSpec
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult, Usage

# as the composer writes them
CURRENCY_SYMBOLS = {"USD": "US$", "CNY": "¥", "RMB": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥"}


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailFacts", text)


def settings_text(request: GenerationRequest) -> str:
    """The parameters that were set, e.g. “ratio 16:9 · resolution 2K · n 2 · seed 42”."""
    parts: list[str] = []
    for label, value in (
        (tr("ratio"), request.ratio),
        (tr("size"), request.size),
        (tr("resolution"), request.resolution),
        (tr("quality"), request.quality),
        (tr("style"), request.style),
        (tr("seed"), request.seed),
        (tr("format"), request.output_format),
        (tr("background"), request.background),
        (tr("layout"), request.blend_dimensions),
        (tr("operation"), request.operation.value if request.operation else None),
    ):
        if value is not None and value != "":
            parts.append(tr("{name} {value}").format(name=label, value=value))
    if request.n > 1:
        parts.append(tr("images: {count}").format(count=request.n))
    for key, value in sorted(request.extra.items()):
        if isinstance(value, str | int | float | bool):
            parts.append(tr("{name} {value}").format(name=key, value=value))
    return " · ".join(parts)


def inputs_text(request: GenerationRequest) -> str:
    parts: list[str] = []
    if request.references:
        parts.append(tr("reference images: {count}").format(count=len(request.references)))
    if request.mask is not None:
        parts.append(tr("with a mask"))
    return " · ".join(parts)


def _number(value: int) -> str:
    return QLocale().toString(value)


def usage_text(usage: Usage | None) -> str:
    """The relay's usage report, readable: tokens in, out and in all; other counters as they are."""
    if usage is None or not usage.raw:
        return ""
    parts: list[str] = []
    if usage.input_tokens is not None:
        parts.append(tr("{count} tokens in").format(count=_number(usage.input_tokens)))
    if usage.output_tokens is not None:
        parts.append(tr("{count} out").format(count=_number(usage.output_tokens)))
    if usage.total_tokens is not None:
        parts.append(tr("{count} in all").format(count=_number(usage.total_tokens)))
    if parts:
        return " · ".join(parts)
    simple = [
        f"{key}: {value}"
        for key, value in usage.raw.items()
        if isinstance(value, int | float | str) and not isinstance(value, bool)
    ]
    return " · ".join(simple[:6])


def money(amount: float, currency: str) -> str:
    """US$0.042, ¥0.12, 0.05 CHF: a list price, with the precision small prices need."""
    number = QLocale().toString(amount, "f", 3 if amount < 0.1 else 2)
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def cost_text(spec: ModelSpec | None, image_count: int) -> str:
    """A cost line where the catalog knows a list price; empty otherwise."""
    if spec is None or spec.price is None:
        return ""
    price = spec.price
    each = money(price.per_image, price.currency)
    if image_count <= 1:
        return tr("≈ {price} per image (list price)").format(price=each)
    return tr("≈ {price} per image, {total} for this job's {count} images (list price)").format(
        price=each, total=money(price.per_image * image_count, price.currency), count=image_count
    )


def image_text(result: ImageResult) -> str:
    kind = result.mime.split("/")[-1].upper() if result.mime else ""
    size = QLocale().formattedDataSize(result.size_bytes)
    return tr("{width} × {height} px · {kind} · {size}").format(
        width=result.width, height=result.height, kind=kind, size=size
    )


def date_text(timestamp: float) -> str:
    moment = QDateTime.fromMSecsSinceEpoch(round(timestamp * 1000))
    return moment.toString("yyyy-MM-dd HH:mm")


def model_text(model: str, spec: ModelSpec | None) -> str:
    if spec is not None and spec.known and spec.label and spec.label != model:
        return tr("{label} ({model})").format(label=spec.label, model=model)
    return model
