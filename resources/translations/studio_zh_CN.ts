<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../studio/ui/actions.py" line="152" />
      <source>Added to favourites.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="26" />
      <source>Delete images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="162" />
      <source>Export to folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="174" />
      <source>Exported {count} image(s) to {folder}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="127" />
      <source>Image copied.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="159" />
      <source>Moved to the trash. Press Ctrl+Z to undo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="115" />
      <source>Prompt copied.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="152" />
      <source>Removed from favourites.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="92" />
      <source>Settings restored from this image's job.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="124" />
      <source>The image file could not be read.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AppearancePage</name>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="27" />
      <source>Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="25" />
      <source>Follow the system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="51" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="26" />
      <source>Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="40" />
      <source>The new language applies the next time Studio starts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="50" />
      <source>Theme</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Application</name>
    <message>
      <location filename="../../studio/ui/application.py" line="60" />
      <source>Demo relay</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="256" />
      <source>A pasted image is still being read. Try again in a moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="270" />
      <source>Choose a relay profile first (or try the demo).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="90" />
      <source>Describe the image you want…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="81" />
      <source>History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="111" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="102" />
      <source>Negative prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="260" />
      <source>Not readable as an image: {names}. Remove it to generate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="166" />
      <source>Paste as reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="76" />
      <source>Prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="84" />
      <source>Recent prompts (Ctrl+Up / Ctrl+Down in the prompt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="105" />
      <source>What the image should not contain…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="93" />
      <source>{keys} generates · Ctrl+Up/Down recall earlier prompts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="316" />
      <source>{model} takes at most {limit} characters.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerDialogs</name>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="183" />
      <source>A link: the studio passes it on, or downloads it when it sends.
{url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="55" />
      <source>Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="190" />
      <source>Loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="118" />
      <source>Preparing the request…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="45" />
      <source>Request preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="97" />
      <source>The request could not be prepared for the preview.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="199" />
      <source>This file could not be read as an image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="113" />
      <source>What the studio would send to {profile} for {model}. The key is never shown.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="83" />
      <source>no relay chosen yet</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerFooter</name>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="83" />
      <source>Generate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="59" />
      <source>Generate ({keys})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="92" />
      <source>Sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="51" />
      <source>Show request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="46" />
      <source>The catalog's list price per image × the number of images. Relays may charge differently.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="55" />
      <source>The exact HTTP request the studio would send, with the key hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="29" />
      <source>≈ {amount}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerMask</name>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="110" />
      <source>A mask is set on #1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="106" />
      <source>Add a reference image first: the mask is painted on #1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="41" />
      <source>Edit with mask on #1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="108" />
      <source>Paint where reference #1 should change.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="49" />
      <source>Remove mask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="82" />
      <source>The mask was removed: reference #1 changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="101" />
      <source>{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="112" />
      <source>{model} cannot use it, so it is not sent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="95" />
      <source>{model} takes a mask only for Vary (Region) on a finished image.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerModel</name>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="243" />
      <source>Choose the model (type to search)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="80" />
      <source>Search models…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="171" />
      <source>Use the model name “{name}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="58" />
      <source>edits only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="56" />
      <source>mask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="50" />
      <source>no refs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="60" />
      <source>not in the catalog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="52" />
      <source>refs {low}–{high}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="54" />
      <source>refs ≤ {count}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerOptions</name>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="175" />
      <source>Advanced</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="270" />
      <source>Automatic ({protocol})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="197" />
      <source>Background</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="262" />
      <location filename="../../studio/ui/composer/options.py" line="263" />
      <location filename="../../studio/ui/composer/options.py" line="264" />
      <location filename="../../studio/ui/composer/options.py" line="265" />
      <source>Default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="252" />
      <source>Fixed: this model's name sets the resolution.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="196" />
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="259" />
      <source>From the ratio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="171" />
      <source>How the request travels to the relay. Automatic uses the catalog's choice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="193" />
      <source>Images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="165" />
      <source>Leave empty for a random seed; the same seed repeats a look.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="200" />
      <source>Protocol</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="194" />
      <source>Quality</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="190" />
      <source>Ratio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="191" />
      <source>Resolution</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="198" />
      <source>Seed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="192" />
      <source>Size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="195" />
      <source>Style</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="130" />
      <source>W:H, e.g. 7:4</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="161" />
      <source>random</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerPrompt</name>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="183" />
      <source>No prompts yet: the ones you send appear here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="212" />
      <source>No recent prompt contains “{text}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="158" />
      <source>Search recent prompts…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerReferences</name>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="320" />
      <source>Add reference images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="92" />
      <source>Add reference images (or drop or paste them here)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="309" />
      <source>Drop images here, paste them (Ctrl+V) or click +.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="323" />
      <source>Images ({patterns})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="283" />
      <source>Not added: {names}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="167" />
      <source>Not an image: {names}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="183" />
      <source>Nothing to paste: copy an image, an image file or a link to an image first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="75" />
      <source>References</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="303" />
      <source>Remove the dimmed ones to generate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="300" />
      <source>Remove them to generate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="199" />
      <source>The pasted image could not be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="290" />
      <source>not used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="278" />
      <source>{model} does not take reference images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="51" />
      <source>{model} takes at most {limit} reference images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="50" />
      <source>{model} takes only one reference image.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerRequestPreview</name>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="94" />
      <source>(this profile has no API key: no key header is sent)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="118" />
      <source>Files:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="107" />
      <source>Stand-ins above for links the studio downloads when it sends:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="113" />
      <source>Text fields:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="123" />
      <source>downloaded from {url} when sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="125" />
      <source>{count} bytes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="62" />
      <source>…(+{count} chars)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerSources</name>
    <message>
      <location filename="../../studio/ui/composer/sources.py" line="98" />
      <source>dropped image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/sources.py" line="98" />
      <source>pasted image</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ComposerTile</name>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="85" />
      <source>#{number} · {name}
{where}
Double-click to preview; drag to reorder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="88" />
      <source>Reference {number}: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="69" />
      <source>Remove (Delete)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="141" />
      <source>link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="84" />
      <source>pasted or dropped image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="143" />
      <source>unreadable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="82" />
      <source>“{name}” could not be read as an image.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConnectionTest</name>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="47" />
      <source>Ask the relay for its model list: is it reachable, does it accept the key?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="118" />
      <source>Key accepted: no — this profile has no key yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="125" />
      <source>Key accepted: no — {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="116" />
      <source>Key accepted: not checked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="120" />
      <source>Key accepted: unknown — {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="123" />
      <source>Key accepted: yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="131" />
      <source>Models: unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="135" />
      <source>Models: {offered} offered ({known} known to the catalog)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="111" />
      <source>Reachable: no — {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="108" />
      <source>Reachable: yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="45" />
      <location filename="../../studio/ui/settings/connection_test.py" line="101" />
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="101" />
      <source>Testing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="143" />
      <source>The relay said: {message}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Crash</name>
    <message>
      <location filename="../../studio/ui/crash.py" line="33" />
      <source>Something went wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/crash.py" line="35" />
      <source>Something went wrong inside the studio ({kind}). Your images and history are safe.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/crash.py" line="40" />
      <source>The details were written to the log in {folder}. If it happens again, please send that file to us.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DetailBars</name>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="59" />
      <source>Actual pixels (1:1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="72" />
      <source>Compare with a reference or another result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="98" />
      <source>Copy the image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="99" />
      <source>Copy the prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="96" />
      <source>Edit with a mask…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="100" />
      <source>Export with its settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="103" />
      <location filename="../../studio/ui/detail/bars.py" line="134" />
      <source>Favourite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="57" />
      <source>Fit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="104" />
      <source>Move to the trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="101" />
      <source>Open the containing folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="134" />
      <source>Remove from favourites</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="94" />
      <source>Reuse these settings in the composer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="81" />
      <source>Show the masked area (where the edit was asked)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="95" />
      <source>Use as a reference image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="77" />
      <source>What to compare with</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="62" />
      <source>Zoom in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="61" />
      <source>Zoom out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="45" />
      <source>{action} ({keys})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="88" />
      <source>{percent} %</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DetailFacts</name>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="30" />
      <source>background</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="29" />
      <source>format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="37" />
      <source>images: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="31" />
      <source>layout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="32" />
      <source>operation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="26" />
      <source>quality</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="23" />
      <source>ratio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="47" />
      <source>reference images: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="25" />
      <source>resolution</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="28" />
      <source>seed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="24" />
      <source>size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="27" />
      <source>style</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="49" />
      <source>with a mask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="67" />
      <source>{count} in all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="65" />
      <source>{count} out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="63" />
      <source>{count} tokens in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="113" />
      <source>{label} ({model})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="35" />
      <location filename="../../studio/ui/detail/facts.py" line="40" />
      <source>{name} {value}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="101" />
      <source>{width} × {height} px · {kind} · {size}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="92" />
      <source>≈ {price} per image (list price)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="93" />
      <source>≈ {price} per image, {total} for this job's {count} images (list price)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DetailInfo</name>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="133" />
      <source>(no prompt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="115" />
      <source>Cost</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="112" />
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="98" />
      <source>DETAILS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="113" />
      <source>Image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="110" />
      <source>Inputs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="201" />
      <source>Keep original outside the mask</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="204" />
      <source>Makes a new image: the relay's result inside the mask, your original everywhere else (with a soft edge). This image stays as it is.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="227" />
      <source>Making the new image…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="107" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="84" />
      <source>NEGATIVE PROMPT</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="81" />
      <source>PROMPT</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="111" />
      <source>Profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="108" />
      <source>Protocol</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="88" />
      <source>REVISED BY THE RELAY</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="109" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="93" />
      <source>THE MODEL ALSO SAID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="114" />
      <source>Usage</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DetailPanel</name>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="235" />
      <source>Compare with a reference or another result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="237" />
      <source>Nothing to compare with: this job had no reference and one result.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="56" />
      <source>Select an image to see it here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="285" />
      <source>Show the masked area (where the edit was asked)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="204" />
      <source>The image file could not be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="272" />
      <source>This image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="287" />
      <source>This job had no mask.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="269" />
      <source>{name} could not be read.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DetailSources</name>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="39" />
      <source>Original result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="43" />
      <source>Reference {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="53" />
      <source>Repaired result {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="51" />
      <source>Result {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="69" />
      <source>The new image could not be made. The details are in the log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="66" />
      <source>The original image or the mask of this job is no longer in the history.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../studio/engine/plan.py" line="50" />
      <source>A mask cannot be sent through {protocol}. Use the images protocol for mask edits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="53" />
      <source>A mask needs the image it applies to: add that image as the first reference.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="53" />
      <source>Cancelled after it was sent. The relay may still make the image and bill it; check its usage log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="50" />
      <source>Cancelled before it was sent. Nothing was billed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/check.py" line="20" />
      <source>Could not connect to the relay ({reason}). Check the base URL, your network or proxy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="46" />
      <source>Could not connect to the relay at {host}. Nothing was sent. Check the base URL, your network or proxy, then retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="83" />
      <source>Could not download the image from the relay ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="75" />
      <source>Could not reach the relay to check on the task ({reason}). It will be checked again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="35" />
      <source>Midjourney refused the prompt (banned words or images). Change it and retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="41" />
      <source>Midjourney rejected the request (code {code}). Its reason is shown below.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="56" />
      <source>Midjourney takes a mask only for Vary (Region) on a finished image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="38" />
      <source>Midjourney's queue is full right now. Nothing was made; retry in a minute.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="47" />
      <source>Something went wrong inside the studio ({what}). The details are in the log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="66" />
      <source>The API key is empty; nothing was saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="44" />
      <source>The Midjourney task failed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="45" />
      <source>The Midjourney task finished without an image. Check the relay's task log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="61" />
      <source>The async poll path {path} must contain {{task_id}}, e.g. /v1/images/tasks/{{task_id}}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="42" />
      <source>The base URL {url} is not a valid http:// or https:// address with a host name, e.g. https://relay.example/v1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="67" />
      <source>The base URL {url} is not a valid http:// or https:// address. Fix it in the profile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="50" />
      <source>The concurrency must be a whole number of at least 1 (got {value}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="62" />
      <source>The connection broke while the request was being sent. It was not sent again; retry when the network is stable.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="57" />
      <source>The connection to the relay broke before its answer arrived. The image may still have been made and billed, so it was not sent again. Check the relay's usage log before you retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="86" />
      <source>The image at the link is larger than {limit} MB; it was not downloaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="78" />
      <source>The image link has expired or is gone (HTTP {status}). Relays keep results for a limited time, often about an hour.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="116" />
      <source>The mask “{mask}” is {mask_width}×{mask_height} pixels but the first image is {image_width}×{image_height}. The mask must be exactly the size of the first image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="95" />
      <source>The mask “{mask}” is {mask_width}×{mask_height} pixels but “{image}” is {image_width}×{image_height}. The mask must be exactly the size of the first image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="81" />
      <source>The mask “{name}” marks no area to edit. Paint the area to change in white (or make it transparent) and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="95" />
      <source>The model accepts only {formats} images, which the studio cannot create.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="74" />
      <source>The model answered in words instead of an image: “{text}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/gemini.py" line="20" />
      <source>The model finished without an image ({reason}). Try again or rephrase the prompt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="37" />
      <source>The profile name “{name}” is not valid: use letters, digits, spaces and - _ . (at most {limit} characters, not starting or ending with a space).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="72" />
      <source>The profiles could not be saved to {path}: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="67" />
      <source>The profiles file {path} cannot be read: {reason}. It was left unchanged; fix it or move it away, then try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="32" />
      <source>The prompt has {length} characters; {model} takes at most {limit}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/gemini.py" line="17" />
      <source>The provider blocked this request ({reason}). Change the prompt or images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="58" />
      <source>The provider refused this request for safety reasons. Change the prompt or images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="53" />
      <source>The proxy {url} is not a valid address such as http://127.0.0.1:7890 or socks5://127.0.0.1:1080.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="20" />
      <source>The ratio {value} is not of the form W:H, e.g. 16:9.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="34" />
      <source>The relay accepted the request but sent no task id, so its result cannot be fetched. It may have been billed; check the relay's usage log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="77" />
      <source>The relay answered with an error (HTTP {status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/chat.py" line="20" />
      <source>The relay answered without an image or text. It may still have been billed; check the relay's usage log before you retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/images.py" line="20" />
      <source>The relay answered without an image. It may still have been billed; check the relay's usage log before you retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="43" />
      <source>The relay did not accept the API key (HTTP {status}). Check the key in the profile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="51" />
      <source>The relay did not answer within {seconds} s. The image may still be made and billed, so it was not sent again. Check the relay's usage log before you retry; async mode avoids this for slow models.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="61" />
      <source>The relay does not offer the model {model}. Pick another model or check the profile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="38" />
      <source>The relay failed while making the image (HTTP {status}). It may still have been made and billed, so it was not sent again. Check the relay's usage log before you retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="70" />
      <source>The relay has no such endpoint (HTTP {status} on {path}). Check the base URL and protocol.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="50" />
      <source>The relay has not finished task {task_id} after {minutes} minutes. It may still finish: check again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="49" />
      <source>The relay is limiting requests (HTTP 429). Wait a moment, then retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="52" />
      <source>The relay is limiting requests and asks to wait {seconds} s. Retry after that.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="55" />
      <source>The relay is unavailable right now (HTTP {status}). Nothing was made; retry later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="70" />
      <source>The relay redirected the request to {location}. Nothing was made; use that address as the profile's base URL.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="67" />
      <source>The relay rejected the request (HTTP {status}). Its reason is shown below.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="78" />
      <source>The relay reported an error instead of an image. Its reason is shown below.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="39" />
      <source>The relay reports that the task failed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="46" />
      <source>The relay says the account has no credit left (HTTP {status}). Top it up, then retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="183" />
      <source>The relay sent a damaged or incomplete image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="120" />
      <source>The relay sent a data URL that could not be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="84" />
      <source>The relay sent a web page instead of an answer (HTTP {status}). The base URL may be wrong, or a proxy stepped in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="151" />
      <source>The relay sent a web page instead of an image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="167" />
      <source>The relay sent a {format} image, which the studio cannot show.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="134" />
      <source>The relay sent an empty image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="61" />
      <source>The relay sent an image that could not be decoded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="175" />
      <source>The relay sent an image too large to open safely (more than {limit} megapixels).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="81" />
      <source>The relay sent something that is not a valid answer (HTTP {status}). See below.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="162" />
      <source>The relay sent something that is not an image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="157" />
      <source>The relay sent text instead of an image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="64" />
      <source>The request was too large for the relay (HTTP 413). Use fewer or smaller images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="22" />
      <source>The resolution {value} is not one of 1K, 2K, 4K.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="49" />
      <source>The size {size} does not have the ratio {ratio}. Give one of them, or matching ones.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="21" />
      <source>The size {value} is not of the form WxH, e.g. 1024x1536.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="86" />
      <location filename="../../studio/imaging/provenance.py" line="569" />
      <source>The studio is not allowed to read “{name}”. Check the file's permissions, or copy it to a folder you own.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="58" />
      <source>The studio stopped before this request was sent. Nothing was billed; retry it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="61" />
      <source>The studio stopped while the relay was answering. The image may have been made and billed; check the relay's usage log before you retry. It was not sent again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="58" />
      <source>The webhook {url} is not a valid http:// or https:// address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="39" />
      <source>The {protocol} protocol cannot {operation}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="65" />
      <source>The {setting} cannot be empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="47" />
      <source>The {setting} must be a number of seconds greater than 0 (got {value}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="33" />
      <source>There is no profile named {name}. Add it with: studio-cli profiles add {name} --base-url URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="147" />
      <source>This model cannot take a mask. Remove the mask or choose a model that supports editing with one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="29" />
      <source>This relay has no async mode (HTTP {status} on {path}). Nothing was made. Send the request without async mode, or fix the profile's async settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="31" />
      <source>Write a prompt first: it is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="71" />
      <source>blend images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="72" />
      <source>describe an image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="69" />
      <source>edit images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="68" />
      <source>make images from a prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="70" />
      <source>make variations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="73" />
      <source>run a Midjourney button</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="74" />
      <source>upscale or vary a Midjourney image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="75" />
      <source>vary a region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="33" />
      <source>{model} always makes {fixed} images: the resolution is part of its name. Pick the {wanted} variant of the model instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="47" />
      <source>{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="44" />
      <source>{model} cannot make {size}: sides must be multiples of {multiple}, the ratio between {low} and {high}, and at most {max_pixels} pixels.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="38" />
      <source>{model} cannot {operation}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="26" />
      <source>{model} does not offer the ratio {ratio}. It offers {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="41" />
      <source>{model} does not offer the size {size}. It offers {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="63" />
      <source>{model} does not offer {option} {value}. It offers {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="30" />
      <source>{model} does not offer {resolution}. It offers {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="43" />
      <source>{model} does not take reference images.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="23" />
      <source>{model} has no aspect-ratio setting: its output follows the reference image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="29" />
      <source>{model} has no resolution setting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="62" />
      <source>{model} has no {option} setting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="35" />
      <source>{model} is not offered through {protocol}. It speaks {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="59" />
      <source>{model} makes 1 to {limit} image(s) per request; {n} were asked for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="44" />
      <source>{model} needs at least {limit} reference image(s); there are {count}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="38" />
      <source>{model} takes an aspect ratio, not a size. Use a ratio (and a resolution) instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="40" />
      <source>{model} takes at most {limit} reference image(s); there are {count}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="228" />
      <source>“{name}” cannot be made smaller than the model's {limit} MB upload limit. Choose a simpler or smaller image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="74" />
      <location filename="../../studio/imaging/provenance.py" line="561" />
      <source>“{name}” could not be found. Check that the file still exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="96" />
      <location filename="../../studio/imaging/provenance.py" line="575" />
      <source>“{name}” could not be read. Check that the drive or network share is available and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="133" />
      <location filename="../../studio/imaging/provenance.py" line="565" />
      <source>“{name}” is a folder, not an image. Choose an image file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="152" />
      <source>“{name}” is a {format} file, which the studio cannot read. Save it as PNG or JPEG and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="198" />
      <source>“{name}” is damaged or incomplete and cannot be read. Open it in an image editor and save it again, or choose another file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="106" />
      <source>“{name}” is empty (0 bytes). Choose another file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="143" />
      <source>“{name}” is not an image. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="118" />
      <source>“{name}” is too large a file ({size} MB) to be an image the studio can open. Choose a file under {limit} MB.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="177" />
      <source>“{name}” is too large to open safely (more than {limit} megapixels). Make it smaller in an image editor first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="165" />
      <source>“{name}” is too large: {width}×{height} pixels, more than the {limit} megapixels the studio opens. Make it smaller in an image editor first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="188" />
      <source>“{name}” uses a colour format the studio cannot convert. Save it as an ordinary RGB PNG or JPEG and try again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExportPage</name>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="37" />
      <source>Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="59" />
      <source>Choose the export folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="78" />
      <source>Enter a full folder path, e.g. {example}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="49" />
      <source>Export to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="96" />
      <source>Exports are saved here unless you choose another place.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="99" />
      <source>The folder does not exist yet; it is created at the first export.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="85" />
      <source>This is a file, not a folder. Choose a folder.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GalleryEmpty</name>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="72" />
      <source>Add a relay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="74" />
      <source>Clear filters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="125" />
      <source>Filters on: {filters}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="104" />
      <source>Make images with your relay, or try everything first on the built-in demo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="122" />
      <source>No images match these filters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="120" />
      <source>No images match “{search}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="105" />
      <source>The demo runs on this computer: nothing is sent anywhere and nothing is billed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="131" />
      <source>The history could not be read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="71" />
      <source>Try the demo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="113" />
      <source>Type a prompt on the left and press Ctrl+Enter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="103" />
      <source>Welcome to Studio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="132" />
      <source>Your images are safe on disk. Restart Studio; if this stays, see the log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="112" />
      <source>Your images will appear here</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GalleryFilters</name>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="174" />
      <source>All models</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="175" />
      <source>All profiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="33" />
      <source>Any status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="24" />
      <source>Any time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="80" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="36" />
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="35" />
      <source>Failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="50" />
      <location filename="../../studio/ui/gallery/filters.py" line="88" />
      <location filename="../../studio/ui/gallery/filters.py" line="89" />
      <source>Favourites only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="27" />
      <source>Last 30 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="26" />
      <source>Last 7 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="78" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="44" />
      <source>Model: {model}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="79" />
      <source>Profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="46" />
      <source>Profile: {profile}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="34" />
      <source>Running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="69" />
      <source>Search prompts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="90" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="52" />
      <source>Status: {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="25" />
      <source>Today</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GalleryTexts</name>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="40" />
      <source>Failed: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="38" />
      <source>Image {width} × {height}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="41" />
      <source>Running: {model}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="19" />
      <source>This job did not finish.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="28" />
      <source>{width} × {height} pixels</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GalleryTiles</name>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="359" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="62" />
      <source>Downloading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="59" />
      <source>Preparing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="361" />
      <source>Put away</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="58" />
      <source>Queued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="61" />
      <source>Rendering…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="316" />
      <source>Retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="50" />
      <source>Retrying in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="360" />
      <source>Send it again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="60" />
      <source>Waiting for the relay…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="52" />
      <source>{percent}%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="54" />
      <source>{seconds} s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImageMenu</name>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="22" />
      <source>Copy image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="23" />
      <source>Copy prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="20" />
      <source>Edit with mask…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="24" />
      <source>Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="27" />
      <source>Favourite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="28" />
      <source>Move to trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="25" />
      <source>Open containing folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="18" />
      <source>Reuse settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="19" />
      <source>Use as reference</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>JobDelegate</name>
    <message>
      <location filename="../../studio/ui/jobs/delegate.py" line="316" />
      <source>{percent} %</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>JobEntry</name>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="214" />
      <source>(no prompt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="67" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="169" />
      <source>Cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="151" />
      <source>Check the relay's address, key and models</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="167" />
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="69" />
      <source>Edit request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="168" />
      <source>Failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="170" />
      <source>Interrupted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="62" />
      <source>May have been billed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="70" />
      <source>Open settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="164" />
      <source>Preparing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="150" />
      <source>Put this request in the composer to change it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="163" />
      <source>Queued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="166" />
      <source>Receiving</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="68" />
      <source>Retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="142" />
      <source>Send the same request again as a new job.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="138" />
      <source>Send the same request again as a new job. The first one may have been billed, so this may be billed a second time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="161" />
      <source>Sending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="145" />
      <source>Stop waiting for this job. The relay may still make the image and bill it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="148" />
      <source>Take this job out of the queue. Nothing is billed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="161" />
      <location filename="../../studio/ui/jobs/entry.py" line="165" />
      <source>The relay is working</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="51" />
      <source>could not connect, retrying in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="57" />
      <source>download failed, retrying in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="178" />
      <source>images: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="53" />
      <source>no answer to the status check, asking again in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="49" />
      <source>rate-limited, retrying in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="187" />
      <source>retried as a new job</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="58" />
      <source>retrying in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="206" />
      <source>took {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="181" />
      <source>warnings: {count} (see the image)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>JobsPanel</name>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="84" />
      <source>Clear finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="256" />
      <source>Copy message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="110" />
      <source>Jobs you start appear here, with their progress.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="62" />
      <source>Nothing running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="86" />
      <source>Remove finished jobs from this list (not from the history)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="57" />
      <source>{count} failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="58" />
      <source>{count} interrupted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="56" />
      <source>{count} queued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="55" />
      <source>{count} running</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>KeyField</name>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="47" />
      <source>Hide the key you are typing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="79" />
      <source>Kept in the system keyring, never in a file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="71" />
      <source>No system keyring is available: the key is forgotten when Studio quits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="78" />
      <source>Paste the API key the relay gave you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="47" />
      <source>Show the key you are typing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="93" />
      <source>The API key contains spaces or line breaks. Paste only the key.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="74" />
      <source>The key comes from {variable}. Type one to store it instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="65" />
      <source>Type a key to use another one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="68" />
      <source>Type a new key to replace it; leave the field empty to keep it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="88" />
      <source>•••• built in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="73" />
      <source>•••• from the environment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="70" />
      <source>•••• kept for this session only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="67" />
      <source>•••• stored in the system keyring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="64" />
      <source>•••• the key of {name} will be copied</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../studio/ui/main_window.py" line="176" />
      <source>&amp;Copy image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="191" />
      <source>&amp;Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="162" />
      <source>&amp;Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="155" />
      <source>&amp;Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="184" />
      <source>&amp;Favourite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="153" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="200" />
      <source>&amp;Find in prompts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="208" />
      <source>&amp;Generate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="220" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="207" />
      <source>&amp;Jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="221" />
      <source>&amp;Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="160" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="168" />
      <source>&amp;Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="211" />
      <source>&amp;Reuse settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="158" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="163" />
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="203" />
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="68" />
      <source>Compose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="179" />
      <source>Copy &amp;prompt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="110" />
      <source>Demo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="113" />
      <source>Demo mode: a simulated relay on this computer. Nothing is sent anywhere and nothing is billed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="71" />
      <source>Detail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="74" />
      <source>Jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="174" />
      <source>Paste as &amp;reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="102" />
      <source>Profile:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="79" />
      <source>Ready.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="96" />
      <source>Relay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="348" />
      <source>Settings restored from {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="51" />
      <source>Studio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="327" />
      <source>That file carries no studio settings. Drop it on References to use it there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="216" />
      <source>Use as r&amp;eference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="350" />
      <source>{count} reference image(s) are not in this history.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Notifier</name>
    <message>
      <location filename="../../studio/ui/notify.py" line="40" />
      <source>A job failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/notify.py" line="35" />
      <source>Image ready</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/notify.py" line="35" />
      <source>Images ready</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ProfileList</name>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="57" />
      <source>New relay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="60" />
      <source>{name} (demo)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="57" />
      <source>{name} (not saved)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="61" />
      <source>{name} (this session)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RelayForm</name>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="80" />
      <source> s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="166" />
      <source>API key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="181" />
      <source>Async mode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="124" />
      <source>Authorization: Bearer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="165" />
      <source>Base URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="168" />
      <source>CONNECTION</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="170" />
      <source>Connect time-out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="340" />
      <source>Enter the relay's base URL, e.g. https://relay.example/v1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="212" />
      <source>Failure statuses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="189" />
      <source>For relays that answer with a task id to poll instead of the image. The defaults fit most relays.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="337" />
      <source>Give the profile a name, e.g. “my-relay”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="214" />
      <source>Give up after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="172" />
      <source>HTTP proxy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="115" />
      <source>How long to wait for an image. Slow models can take several minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="111" />
      <source>How many requests this relay gets at the same time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="176" />
      <source>Key for Gemini</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="177" />
      <source>Key for Midjourney</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="175" />
      <source>Key for images and chat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="178" />
      <source>Multi-image field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="163" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="174" />
      <source>PROTOCOL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="210" />
      <source>Pending statuses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="213" />
      <source>Poll every</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="209" />
      <source>Poll path</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="162" />
      <source>RELAY</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="171" />
      <source>Read time-out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="169" />
      <source>Requests at once</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="207" />
      <source>Submit path</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="208" />
      <source>Submit query</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="211" />
      <source>Success statuses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="141" />
      <source>Task statuses, separated by commas.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="130" />
      <source>The form field that carries several images in one edit request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="164" />
      <source>With or without /v1 at the end; both work.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="119" />
      <source>e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="101" />
      <source>e.g. my-relay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="126" />
      <source>mj-api-secret header</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="118" />
      <source>none (the system's settings apply)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="134" />
      <source>the normal path</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="125" />
      <source>x-goog-api-key header</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RelaysPage</name>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="69" />
      <source>Add</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="71" />
      <source>Duplicate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="77" />
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="74" />
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="90" />
      <source>Revert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="92" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="374" />
      <source>Saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="208" />
      <source>The demo relay is built in: a simulated relay on this computer. Nothing is sent anywhere and nothing is billed. It cannot be edited; Duplicate makes an editable copy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="346" />
      <source>There is already a profile named “{name}”. Choose another name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="214" />
      <source>This profile was given for this session only and cannot be edited here; Duplicate makes an editable copy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="224" />
      <source>the original</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="292" />
      <source>{name} copy</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="50" />
      <source>Appearance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="51" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="49" />
      <source>Relays</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="36" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsWidgets</name>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="50" />
      <source>Keep</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="47" />
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="61" />
      <source>Remove “{name}” and its key? This cannot be undone.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="27" />
      <source>Close viewers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="24" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="23" />
      <source>Favourite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="16" />
      <source>Generate (in the prompt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="35" />
      <source>Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="20" />
      <source>Move in the gallery</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="21" />
      <source>Move the selected images to the trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="17" />
      <source>Paste an image as a reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="19" />
      <source>Quick look at the selected image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="25" />
      <source>Reuse the settings of the selected image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="18" />
      <source>Search the prompts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="26" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="28" />
      <source>This sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="22" />
      <source>Undo (trash, mask strokes)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Warnings</name>
    <message>
      <location filename="../../studio/engine/runner.py" line="55" />
      <source>Image {number} could not be saved: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/composite.py" line="15" />
      <source>Made from image {number}: the original kept outside the mask (feather {feather} px).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/settings/secrets.py" line="27" />
      <source>No system keyring is available, so the key for {name} was kept for this session only and not saved. Install or unlock a keyring (GNOME Keyring or KWallet, Windows Credential Manager, macOS Keychain) or set {variable} for scripts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/checks.py" line="58" />
      <source>The image came back at {width}×{height} (ratio {got}:1), not in the {asked} shape that was asked for. The relay may have ignored the setting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/checks.py" line="73" />
      <source>The image came back at {width}×{height} pixels, not the {asked_width}×{asked_height} that was asked for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/engine/verify.py" line="19" />
      <source>{percent}% of the pixels outside the mask changed: the relay may have ignored the mask. “Keep original outside the mask” repairs it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="242" />
      <source>“{name}” has 16 bits per channel; it was reduced to 8.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="252" />
      <source>“{name}” has several frames (an animation or pages); only the first is used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="277" />
      <source>“{name}” has transparent areas, which the model's formats cannot keep: they were filled with white.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="289" />
      <source>“{name}” was compressed more strongly to stay under the model's {limit} MB upload limit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="234" />
      <source>“{name}” was converted from CMYK to RGB colours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="252" />
      <source>“{name}” was downscaled from {source_width}×{source_height} to {width}×{height} to fit the model's limits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="265" />
      <source>“{name}” was padded to a {side}×{side} square (the model takes only square images); nothing was cut off or stretched.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="263" />
      <source>“{name}” was turned upright as its camera orientation says.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
